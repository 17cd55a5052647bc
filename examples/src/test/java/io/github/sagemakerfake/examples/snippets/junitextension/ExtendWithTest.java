package io.github.sagemakerfake.examples.snippets.junitextension;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

@ExtendWith(SageMakerWorkforceExtension.class)
class ExtendWithTest {

    @Test
    void worksWithExtendWithToo(SageMakerClient client, FakeControl fake) {
        new TeamProvisioner(client).createTeams("labelers", 2);
        assertThat(fake.state().workteamNames()).containsExactlyInAnyOrder("labelers-1", "labelers-2");
    }
}
