package io.github.sagemakerfake.examples.snippets.iam;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatSageMakerCall;

import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

@SageMakerWorkforceTest(iamPolicy = "/iam/labeling-role.json", requiredPolicyReport = true)
class EnforcedPolicyTest {

    @Test
    void theRoleMayListButNotDeleteTeams(SageMakerClient sageMaker) {
        sageMaker.listWorkteams(r -> { });
        assertThatSageMakerCall(() -> sageMaker.deleteWorkteam(r -> r.workteamName("annotators")))
                .hasErrorCode("AccessDeniedException");
    }
}
