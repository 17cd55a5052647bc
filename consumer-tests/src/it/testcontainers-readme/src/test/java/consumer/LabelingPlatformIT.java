package consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.testcontainers.SageMakerWorkforceContainer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

@Testcontainers
class LabelingPlatformIT {

    @Container
    static SageMakerWorkforceContainer sageMaker = new SageMakerWorkforceContainer().withMaxWorkteams(5);

    @Test
    void createsTheTeamsOfTheConfiguration() {
        try (SageMakerClient client = sageMaker.client()) {
            new TeamProvisioner(client).provision("labelers");
        }
        assertThat(sageMaker.control().state().workteamNames()).containsExactly("labelers");
    }
}
