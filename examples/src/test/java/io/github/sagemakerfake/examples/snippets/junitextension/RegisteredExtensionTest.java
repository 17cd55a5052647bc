package io.github.sagemakerfake.examples.snippets.junitextension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceExtension;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;

class RegisteredExtensionTest {

    @RegisterExtension
    static SageMakerWorkforceExtension sageMaker = SageMakerWorkforceExtension.newInstance()
            .maxWorkteams(3)
            .maxTagsPerResource(5)
            .frozenClock(Instant.parse("2024-01-01T00:00:00Z"))
            .build();

    @Test
    void stopsAtTheLimitWithExactTimestamps(SageMakerClient client, FakeControl fake) {
        TeamProvisioner provisioner = new TeamProvisioner(client);

        assertThatThrownBy(() -> provisioner.createTeams("labelers", 4))
                .isInstanceOf(ResourceLimitExceededException.class);
        assertThat(fake.state().workteam("labelers-1").orElseThrow().createDate())
                .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));    // the clock stands still
    }
}
