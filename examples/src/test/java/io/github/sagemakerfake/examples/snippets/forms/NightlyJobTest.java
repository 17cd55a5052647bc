package io.github.sagemakerfake.examples.snippets.forms;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@SageMakerWorkforceTest(transport = Transport.HTTP, setSystemProperties = true)
@ResourceLock(Resources.SYSTEM_PROPERTIES) // the SDK settings are JVM-wide: JUnit runs such classes one at a time
class NightlyJobTest {

    @Test
    void runsAgainstTheFake(FakeControl fake) {
        NightlyJob.main(new String[0]);          // builds its client with SageMakerClient.create()
        assertThat(fake).hasWorkteam("labelers");
    }
}
