package io.github.sagemakerfake.examples.snippets.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.server.SageMakerWorkforceServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

class ServerInAJvmSnippetTest {

    @Test
    void aServerInTheTestsJvm() {
        try (SageMakerWorkforceServer server = SageMakerWorkforceServer.start(FakeSettings.defaults());   // 127.0.0.1, a free port
             SageMakerClient sageMaker = SageMakerClient.builder()
                     .endpointOverride(server.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(SageMakerWorkforceFake.credentialsFor("123456789012"))
                     .build()) {
            sageMaker.listWorkteams();
            assertThat(server.control().journal()).extracting(e -> e.operation()).containsExactly("ListWorkteams");
        }
    }
}
