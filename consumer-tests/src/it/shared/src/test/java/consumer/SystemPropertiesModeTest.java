package consumer;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Code that builds its own client (no endpoint override) reaches the fake through the SDK's
 * endpoint system property, on this consumer's SDK version (2.28.1 and later read it).
 */
@SageMakerWorkforceTest(transport = Transport.HTTP, setSystemProperties = true)
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class SystemPropertiesModeTest {

    @Test
    void aClientBuiltByTheCodeUnderTestCallsTheFake(FakeControl fake) {
        try (SageMakerClient ownClient = SageMakerClient.create()) {
            ownClient.createWorkteam(ConsumerTest.team("built-by-the-app"));
        }
        assertThat(fake).hasWorkteam("built-by-the-app");
    }
}
