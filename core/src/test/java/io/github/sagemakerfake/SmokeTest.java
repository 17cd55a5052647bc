package io.github.sagemakerfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

class SmokeTest {
    @Test
    void createsAndDescribes() throws Exception {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder().maxWorkteams(2).build()) {
            SageMakerClient sm = fake.client();
            for (String name : new String[] {"a", "b"}) {
                sm.createWorkteam(r -> r.workteamName(name).description("d")
                        .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c.userPool("us-east-1_abc").clientId("cid").userGroup("g"))));
            }
            assertThat(sm.describeWorkteam(r -> r.workteamName("a")).workteam().workteamArn())
                    .isEqualTo("arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/a");
            assertThatThrownBy(() -> sm.createWorkteam(r -> r.workteamName("c").description("d")
                    .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c.userPool("us-east-1_abc").clientId("cid").userGroup("g")))))
                    .isInstanceOf(ResourceLimitExceededException.class);
            assertThatThrownBy(() -> sm.describeWorkteam(r -> r.workteamName("zz")))
                    .isInstanceOf(SageMakerException.class).hasMessageContaining("The work team");
            
            System.out.println(sm.describeWorkforce(r -> r.workforceName("default")));
            System.out.println(fake.asyncClient().listWorkteams().get());
            System.out.println(fake.journal());
        }
    }
}
