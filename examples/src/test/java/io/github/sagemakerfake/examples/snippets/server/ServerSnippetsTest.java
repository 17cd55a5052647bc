package io.github.sagemakerfake.examples.snippets.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.admin.RemoteFakeControl;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.server.SageMakerWorkforceServer;
import io.github.sagemakerfake.server.ServerOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;

/**
 * The snippets of docs/server.md. Its examples name the documented port 9324, so the test that
 * uses it runs only while that port is free on this machine.
 */
class ServerSnippetsTest {

    @Test
    void inAJvm() {
        try (SageMakerWorkforceServer server = SageMakerWorkforceServer.start(FakeSettings.defaults())) {   // 127.0.0.1, free port
            URI endpoint = server.endpoint();                                            // http://127.0.0.1:54321
            FakeControl fake = server.control();                                         // the served fake, in process
            // ... run code against endpoint, then assert on fake.state(), fake.journal() ...
            assertThat(fake.journal()).isEmpty();
        }
    }

    @Test
    void aServerOverAnInProcessFake() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
             SageMakerWorkforceServer server = SageMakerWorkforceServer.start(fake)) {
            fake.client().listWorkteams(r -> { });                         // in process
            sageMakerClientFor(server.endpoint()).listWorkteams(r -> { });  // over HTTP
            assertThat(fake.journal()).hasSize(2);                          // one journal holds both
        }
    }

    private static SageMakerClient sageMakerClientFor(URI endpoint) {
        return SageMakerClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("123456789012", "x")))
                .build();
    }

    @Test
    void anSdkClientAndTheRemoteControlOnTheDocumentedPort() {
        assumeTrue(isFree(9324), "port 9324 is in use on this machine");
        try (SageMakerWorkforceServer server = SageMakerWorkforceServer.start(FakeSettings.defaults(),
                ServerOptions.defaults().withPort(9324))) {
            assertThat(server.port()).isEqualTo(9324);

            SageMakerClient sageMaker = SageMakerClient.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:9324"))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("123456789012", "x")))
                    .build();
            sageMaker.createWorkteam(r -> r.workteamName("labelers").description("Labelers")
                    .memberDefinitions(MemberDefinition.builder().cognitoMemberDefinition(c -> c
                            .userPool("us-east-1_abc123").clientId("client").userGroup("labelers")).build()));

            FakeControl fake = RemoteFakeControl.connect(URI.create("http://127.0.0.1:9324"));
            fake.addFault(FaultRule.forOperation("CreateWorkteam").once().throttle());
            assertThat(fake.state().workteamNames()).containsExactly("labelers");

            sageMaker.createWorkteam(r -> r.workteamName("reviewers").description("Reviewers")   // retried by the SDK
                    .memberDefinitions(MemberDefinition.builder().cognitoMemberDefinition(c -> c
                            .userPool("us-east-1_abc123").clientId("client").userGroup("reviewers")).build()));
            assertThat(fake.journal()).extracting(e -> e.errorCode()).containsExactly(null, "ThrottlingException", null);
            sageMaker.close();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
