package io.github.sagemakerfake.spring.sample;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatJournal;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatSageMakerCall;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The application's own client under an IAM policy (docs/iam.md): what it may do works, the rest is denied. */
@SpringBootTest
@EnableSageMakerWorkforceFake(iamPolicy = "teams-without-delete.json")
class IamPolicyContextTest {

    @Autowired
    WorkteamService service;

    @Autowired
    FakeControl fake;

    @Test
    void theApplicationMayCreateButNotDeleteTeams() {
        service.createTeam("alpha");

        assertThatSageMakerCall(() -> service.deleteTeam("alpha")).hasErrorCode("AccessDeniedException");
        assertThat(fake).hasOnlyWorkteamsNamed("alpha");
        assertThatJournal(fake).requiredPolicy().includes("sagemaker:DeleteWorkteam",
                "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/alpha");
    }

    @Test
    void thePolicyOutlivesTheResetBetweenTests() {
        assertThat(fake).hasWorkteamCount(0);
        assertThatSageMakerCall(() -> service.deleteTeam("alpha")).hasErrorCode("AccessDeniedException");
    }
}
