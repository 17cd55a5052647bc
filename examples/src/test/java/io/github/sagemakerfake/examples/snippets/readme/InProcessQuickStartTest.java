package io.github.sagemakerfake.examples.snippets.readme;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatSageMakerCall;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;

class InProcessQuickStartTest {

    @Test
    void aFakeWithThreeTeamsAtMost() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder().maxWorkteams(3).build()) {
            SageMakerClient sageMaker = fake.client();     // a genuine SDK client, no socket
            sageMaker.createWorkteam(team("alpha"));
            sageMaker.createWorkteam(team("beta"));
            sageMaker.createWorkteam(team("gamma"));

            assertThatSageMakerCall(() -> sageMaker.createWorkteam(team("delta"))).isResourceLimitExceeded();
            assertThat(fake).hasWorkteamCount(3).doesNotHaveWorkteam("delta");
        }
    }

    static CreateWorkteamRequest team(String name) {
        return CreateWorkteamRequest.builder().workteamName(name).description("Labelers")
                .memberDefinitions(MemberDefinition.builder().cognitoMemberDefinition(c -> c
                        .userPool("us-east-1_AbC123").clientId("app-client").userGroup(name)).build())
                .build();
    }
}
