package io.github.sagemakerfake.examples.snippets.junitextension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;

@SageMakerWorkforceTest(maxWorkteams = 3)
class TeamProvisionerTest {

    @Test
    void stopsAtTheServiceLimit(SageMakerClient sageMaker, FakeControl fake) {
        TeamProvisioner provisioner = new TeamProvisioner(sageMaker);   // your code under test

        assertThatThrownBy(() -> provisioner.createTeams("labelers", 4))
                .isInstanceOf(ResourceLimitExceededException.class);    // the 4th team, as SageMaker says
        assertThat(fake.state().workteamNames())
                .containsExactly("labelers-1", "labelers-2", "labelers-3");
        assertThat(fake.journal()).extracting(e -> e.operation()).containsOnly("CreateWorkteam");
    }
}
