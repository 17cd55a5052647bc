package io.github.sagemakerfake.examples.snippets.forms;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

class InProcessSnippetTest {

    @Test
    void inProcess() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create()) {
            SageMakerClient sageMaker = fake.client();              // a genuine SDK client, no socket
            new TeamProvisioner(sageMaker).provision("labelers");   // your code
            assertThat(fake).hasWorkteam("labelers");
        }
    }
}
