package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** Strict mode: SigV4 verified against one key pair, refusals as the service words them. */
class StrictAuthTest {

    private static final String KEY = "123456789012";
    private static final String SECRET = "right-secret";

    private FakeControl fake;
    private SageMakerWorkforceServer server;

    @BeforeEach
    void start() {
        server = SageMakerWorkforceServer.start(FakeSettings.defaults(), ServerOptions.defaults().withStrictAuth(KEY, SECRET));
        fake = server.control();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SageMakerClient client(String key, String secret) {
        return SageMakerClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Test
    void theSdkWithTheRightKeysIsServed() {
        try (SageMakerClient sync = client(KEY, SECRET);
             SageMakerAsyncClient async = SageMakerAsyncClient.builder().endpointOverride(server.endpoint())
                     .region(Region.US_EAST_1).httpClient(NettyNioAsyncHttpClient.create())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                     .build()) {
            sync.createWorkteam(r -> r.workteamName("signed").description("d")
                    .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123")));
            assertThat(async.listWorkteams(r -> { }).join().workteams()).hasSize(1);
        }
        assertThat(fake.journal()).hasSize(2).allMatch(e -> e.succeeded());
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() {
        try (SageMakerClient wrong = client(KEY, "wrong-secret")) {
            assertThatThrownBy(() -> wrong.listWorkteams(r -> { }))
                    .isInstanceOfSatisfying(SageMakerException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(SigV4Verifier.SIGNATURE_MISMATCH);
                        assertThat(e.requestId()).isNotBlank();
                    });
        }
        assertThat(fake.journal()).isEmpty();
    }

    @Test
    void anUnknownAccessKeyIsAnUnrecognizedClient() {
        try (SageMakerClient stranger = client("AKIAIOSFODNN7EXAMPLE", SECRET)) {
            assertThatThrownBy(() -> stranger.listWorkteams(r -> { }))
                    .isInstanceOfSatisfying(SageMakerException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("The security token included in the request is invalid.");
                    });
        }
    }

    @Test
    void anUnsignedRequestIsMissingItsToken() {
        TestClients.Raw r = TestClients.awsJson(server.endpoint(), "ListWorkteams", "{}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json()).containsEntry("__type", "MissingAuthenticationToken")
                .containsEntry("message", "Missing Authentication Token");
        assertThat(r.header("x-amzn-RequestId")).isNotBlank();
    }

    @Test
    void theAdminApiNeedsNoSignature() {
        assertThat(TestClients.send(server.endpoint(), "GET", "/_fake/health", Map.of(), null).status()).isEqualTo(200);
    }

    @Test
    void asyncClientSeesTheSameRefusal() {
        try (SageMakerAsyncClient async = SageMakerAsyncClient.builder().endpointOverride(server.endpoint())
                .region(Region.US_EAST_1).httpClient(NettyNioAsyncHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, "nope")))
                .build()) {
            assertThatThrownBy(() -> async.listWorkteams(r -> { }).join()).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(SageMakerException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
        }
    }

    // ------------------------------------------------------------------ the verifier, with the SDK's own signer

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final URI ROOT = URI.create("http://127.0.0.1:9324/");
    private static final byte[] BODY = "{\"WorkteamName\":\"a\"}".getBytes(StandardCharsets.UTF_8);

    private static Map<String, List<String>> signedHeaders(String service, Instant at, String secret) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(ROOT)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "SageMaker.DescribeWorkteam")
                .putHeader("Content-Length", Integer.toString(BODY.length))
                .build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(KEY, secret))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(BODY))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(signed.headers());
        headers.putIfAbsent("Host", List.of("127.0.0.1:9324"));
        return headers;
    }

    private static SigV4Verifier verifierAt(Instant now) {
        return new SigV4Verifier(new ServerOptions.Credentials(KEY, SECRET), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static SigV4Verifier.Refusal refusal(Map<String, List<String>> headers, byte[] body, Instant now) {
        return verifierAt(now).check("POST", ROOT, headers, body);
    }

    @Test
    void verifiesWhatTheSdkSignerSigns() {
        assertThat(refusal(signedHeaders("sagemaker", NOW, SECRET), BODY, NOW)).isNull();
        assertThat(refusal(signedHeaders("sagemaker", NOW, SECRET), BODY, NOW.plus(Duration.ofMinutes(14)))).isNull();
    }

    @Test
    void refusesATamperedBodyOrAnotherSecret() {
        assertThat(refusal(signedHeaders("sagemaker", NOW, SECRET), "{}".getBytes(StandardCharsets.UTF_8), NOW))
                .extracting(SigV4Verifier.Refusal::code, SigV4Verifier.Refusal::message)
                .containsExactly("InvalidSignatureException", SigV4Verifier.SIGNATURE_MISMATCH);
        assertThat(refusal(signedHeaders("sagemaker", NOW, "other"), BODY, NOW).code())
                .isEqualTo("InvalidSignatureException");
    }

    @Test
    void refusesSignaturesOutsideFifteenMinutes() {
        SigV4Verifier.Refusal expired = refusal(signedHeaders("sagemaker", NOW, SECRET), BODY, NOW.plus(Duration.ofMinutes(16)));
        assertThat(expired.code()).isEqualTo("InvalidSignatureException");
        assertThat(expired.message()).isEqualTo("Signature expired: 20240501T120000Z is now earlier than "
                + "20240501T120100Z (20240501T121600Z - 15 min.)");
        SigV4Verifier.Refusal early = refusal(signedHeaders("sagemaker", NOW, SECRET), BODY, NOW.minus(Duration.ofMinutes(16)));
        assertThat(early.message()).startsWith("Signature not yet current: 20240501T120000Z is still later than");
    }

    @Test
    void refusesAScopeForAnotherService() {
        SigV4Verifier.Refusal e = refusal(signedHeaders("iam", NOW, SECRET), BODY, NOW);
        assertThat(e.code()).isEqualTo("InvalidSignatureException");
        assertThat(e.message()).isEqualTo("Credential should be scoped to correct service: 'sagemaker'. ");
    }

    @Test
    void refusesIncompleteAuthorizationHeaders() {
        Map<String, List<String>> headers = signedHeaders("sagemaker", NOW, SECRET);
        headers.remove("X-Amz-Date");
        SigV4Verifier.Refusal noDate = refusal(headers, BODY, NOW);
        assertThat(noDate.code()).isEqualTo("IncompleteSignatureException");
        assertThat(noDate.message()).contains("'X-Amz-Date'");

        Map<String, List<String>> partial = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        partial.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=" + KEY + "/20240501/us-east-1/sagemaker/aws4_request"));
        partial.put("X-Amz-Date", List.of("20240501T120000Z"));
        SigV4Verifier.Refusal noSignature = refusal(partial, BODY, NOW);
        assertThat(noSignature.code()).isEqualTo("IncompleteSignatureException");
        assertThat(noSignature.message()).contains("requires 'Signature' parameter", "requires 'SignedHeaders' parameter");

        Map<String, List<String>> basic = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        basic.put("Authorization", List.of("Basic dXNlcjpwYXNz"));
        assertThat(refusal(basic, BODY, NOW).code()).isEqualTo("IncompleteSignatureException");
    }
}
