package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.JournalEntry;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;

/** Fault rules acted out over real HTTP, as the SDK's own HTTP clients experience them. */
class HttpFaultsTest {

    private final SageMakerWorkforceServer server = SageMakerWorkforceServer.start(FakeSettings.defaults());
    private final FakeControl fake = server.control();
    private final SageMakerClient oneAttempt = TestClients.apache(server.endpoint());

    @AfterEach
    void close() {
        oneAttempt.close();
        server.close();
    }

    @Test
    void eachConnectionFaultSurfacesAsTheSdksClientException() {
        fake.addFault(FaultRule.forOperation("ListWorkteams").once().resetConnection());
        fake.addFault(FaultRule.forOperation("DescribeWorkteam").once().emptyResponse());
        fake.addFault(FaultRule.forOperation("ListWorkforces").once().malformedResponse());

        assertThatThrownBy(oneAttempt::listWorkteams).isInstanceOf(SdkClientException.class);
        assertThatThrownBy(() -> oneAttempt.describeWorkteam(r -> r.workteamName("t")))
                .isInstanceOf(SdkClientException.class);
        assertThatThrownBy(() -> oneAttempt.listWorkforces(r -> { })).isInstanceOf(SdkClientException.class);

        assertThat(oneAttempt.listWorkteams().workteams()).isEmpty(); // used up: the server still serves
        assertThat(fake.journal()).extracting(JournalEntry::errorCode)
                .containsExactly("CONNECTION_RESET", "EMPTY_RESPONSE", "MALFORMED_RESPONSE", null);
    }

    @Test
    void theAsyncClientSeesAResetAsAClientExceptionToo() {
        fake.addFault(FaultRule.forOperation("ListWorkteams").once().resetConnection());
        try (SageMakerAsyncClient async = TestClients.netty(server.endpoint())) {
            assertThatThrownBy(() -> async.listWorkteams().join())
                    .isInstanceOf(CompletionException.class).hasCauseInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void aResponseLostAfterTheCreateMakesTheSdksRetryMeetItsOwnTeam() {
        // The SDK's default retry strategy retries an IOException; the create already happened.
        fake.addFault(FaultRule.forOperation("CreateWorkteam").once().afterStateChange().resetConnection());
        try (SageMakerClient retrying = SageMakerClient.builder()
                .endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("123456789012", "x")))
                .httpClient(ApacheHttpClient.create())
                .build()) {
            assertThatThrownBy(() -> retrying.createWorkteam(r -> r.workteamName("t").description("d")
                    .memberDefinitions(TestClients.cognitoMember("us-east-1_Pool1"))))
                    .isInstanceOf(ResourceInUseException.class);
        }
        assertThat(fake.state().workteamNames()).containsExactly("t");
    }
}
