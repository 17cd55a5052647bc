package io.github.sagemakerfake.examples.snippets.forms;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

@SageMakerWorkforceTest
class TeamProvisionerTest {

    @Test
    void provisionsTheTeam(SageMakerClient sageMaker, FakeControl fake) {
        new TeamProvisioner(sageMaker).provision("labelers");
        assertThat(fake).hasWorkteam("labelers");
    }
}
