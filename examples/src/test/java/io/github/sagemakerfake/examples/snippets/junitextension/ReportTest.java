package io.github.sagemakerfake.examples.snippets.junitextension;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.InjectSageMaker;
import io.github.sagemakerfake.junit.SageMakerFakeRuntime;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Isolation;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

@SageMakerWorkforceTest(isolation = Isolation.PER_CLASS, seed = "two-teams.json")
class ReportTest {
    @InjectSageMaker static SageMakerClient sageMaker;       // one fake for the whole class
    @InjectSageMaker FakeControl fake;
    final String region;

    ReportTest(SageMakerFakeRuntime runtime) {                // constructors work too
        this.region = runtime.region();
    }

    @Test
    void listsTheSeededTeams() {
        assertThat(sageMaker.listWorkteams().workteams()).hasSize(2);
        assertThat(fake.state().workteamNames()).containsExactly("alpha", "beta");
    }
}
