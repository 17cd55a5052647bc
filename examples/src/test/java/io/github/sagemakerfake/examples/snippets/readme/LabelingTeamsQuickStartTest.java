package io.github.sagemakerfake.examples.snippets.readme;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatJournal;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatSageMakerCall;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;

@SageMakerWorkforceTest                       // a fresh fake for every test, in process
class LabelingTeamsQuickStartTest {

    @Test
    void theServiceAllowsTwentyFiveTeams(SageMakerClient sageMaker, FakeControl fake) {
        for (int i = 1; i <= 25; i++) {
            sageMaker.createWorkteam(team("team-" + i));   // a genuine SDK client
        }

        assertThatSageMakerCall(() -> sageMaker.createWorkteam(team("team-26")))
                .isResourceLimitExceeded();
        assertThat(fake).hasWorkteamCount(25).doesNotHaveWorkteam("team-26");
        assertThat(fake).hasWorkteam("team-1").hasMemberGroupsExactly("team-1");
        assertThatJournal(fake).hasCalledTimes("CreateWorkteam", 26);
    }

    @Test
    void aMissingTeamIsAValidationExceptionNotResourceNotFound(SageMakerClient sageMaker) {
        assertThatSageMakerCall(() -> sageMaker.describeWorkteam(r -> r.workteamName("nobody")))
                .isNotFoundQuirk()                      // HTTP 400, "The work team ... does not exist"
                .hasErrorCode("ValidationException");
    }

    static CreateWorkteamRequest team(String name) {
        return CreateWorkteamRequest.builder()
                .workteamName(name)
                .description("Labelers")
                .memberDefinitions(MemberDefinition.builder().cognitoMemberDefinition(c -> c
                        .userPool("us-east-1_AbC123").clientId("app-client").userGroup(name)).build())
                .build();
    }
}
