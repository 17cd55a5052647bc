package io.github.sagemakerfake.examples.snippets.junitextension;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

@SageMakerWorkforceTest
class ThrottlingRetriesTest {

    @Test
    void survivesTwoThrottledAttempts(SageMakerClient client, FakeControl fake) {
        fake.addFault(FaultRule.forOperation("CreateWorkteam").times(2).throttle());

        new TeamProvisioner(client).createTeams("labelers", 1);   // the SDK retries, without waiting

        assertThat(fake.journal()).extracting(e -> e.errorCode())
                .containsExactly("ThrottlingException", "ThrottlingException", null);
        assertThat(fake.state().workteamNames()).containsExactly("labelers-1");
    }
}
