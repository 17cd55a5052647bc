package io.github.sagemakerfake.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.internal.error.ServiceError;
import io.github.sagemakerfake.internal.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The endpoint as composition root: one request id per exchange, one parse of the Authorization
 * header (a decoy credential cannot move a request), region names checked, latency handed to the
 * transport instead of slept, and the journal owned by the endpoint.
 */
class CompositionRootTest {

    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=123456789012/20240501/eu-west-1/sagemaker/"
            + "aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "ab".repeat(32);

    private final FakeEndpoint fake = new FakeEndpoint(FakeSettings.defaults().withClock(FakeClock.startingAt(
            Instant.parse("2024-05-01T12:00:00Z"))));

    private static ProtocolRequest request(String operation, String authorization, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/x-amz-json-1.1"));
        headers.put("X-Amz-Target", List.of("SageMaker." + operation));
        if (authorization != null) {
            headers.put("Authorization", List.of(authorization));
        }
        return new ProtocolRequest("POST", "/", "", headers, body.getBytes());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(ProtocolResponse response) {
        return (Map<String, Object>) Json.parse(response.body());
    }

    @Test
    void theAccountAndRegionComeFromTheOneParseOfTheCredential() {
        fake.handle(request("CreateWorkteam", SIGNED, "{\"WorkteamName\":\"a\",\"Description\":\"d\","
                + "\"MemberDefinitions\":[{\"CognitoMemberDefinition\":{\"UserPool\":\"eu-west-1_P\","
                + "\"UserGroup\":\"g\",\"ClientId\":\"c\"}}]}"));
        assertThat(fake.journal()).last().satisfies(e -> {
            assertThat(e.account()).isEqualTo("123456789012");
            assertThat(e.region()).isEqualTo("eu-west-1");
        });
    }

    @Test
    void aDecoyCredentialParameterIsRefusedNotFollowed() {
        String decoy = SIGNED + ", X=Credential=999999999999/20240501/ap-south-1/sagemaker/aws4_request";
        ProtocolResponse response = fake.handle(request("ListWorkteams", decoy, "{}"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response)).containsEntry("__type", "IncompleteSignatureException");
        assertThat((String) json(response).get("message")).contains("'X'");
        assertThat(fake.journal()).as("refused before it reached any account").isEmpty();
        String twice = SIGNED + ", Credential=999999999999/20240501/ap-south-1/sagemaker/aws4_request";
        assertThat(json(fake.handle(request("ListWorkteams", twice, "{}"))))
                .containsEntry("__type", "IncompleteSignatureException");
        assertThat(fake.snapshot().regions()).isEmpty();
    }

    @Test
    void aRegionThatIsNotARegionIsAClear400() {
        for (String region : List.of("US-EAST-1", "useast1", "us-east-", "x", "..%2f", "us-east-1a")) {
            String auth = SIGNED.replace("eu-west-1", region);
            ProtocolResponse response = fake.handle(request("ListWorkteams", auth, "{}"));
            assertThat(response.statusCode()).as(region).isEqualTo(400);
            assertThat(json(response)).as(region).containsEntry("__type", "InvalidSignatureException");
            assertThat((String) json(response).get("message")).contains("valid region", "'" + region + "'");
        }
        for (String region : List.of("us-gov-west-1", "cn-north-1", "ap-southeast-4", "us-isob-east-1")) {
            assertThat(fake.handle(request("ListWorkteams", SIGNED.replace("eu-west-1", region), "{}")).statusCode())
                    .as(region).isEqualTo(200);
        }
    }

    @Test
    void theTransportChoosesTheRequestIdAndEveryAnswerCarriesIt() {
        PendingResponse ok = fake.accept(request("ListWorkteams", null, "{}"), "id-1", Authenticator.ANY);
        assertThat(ok.complete().headers()).containsEntry(WireErrors.REQUEST_ID_HEADER, "id-1");
        PendingResponse refused = fake.accept(request("ListWorkteams", null, "{}"), "id-2", (r, who) -> {
            throw new ServiceError("MissingAuthenticationToken", 403, "Missing Authentication Token");
        });
        ProtocolResponse response = refused.complete();
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers()).containsEntry(WireErrors.REQUEST_ID_HEADER, "id-2");
        assertThat(fake.journal()).extracting(e -> e.requestId()).as("a refused request reaches no account")
                .containsExactly("id-1");
    }

    @Test
    void latencyIsHandedToTheTransportAndNothingRunsBeforeCompletion() {
        FakeEndpoint real = new FakeEndpoint(FakeSettings.defaults());
        real.addFault(FaultRule.forOperation("ListWorkteams").withLatency(Duration.ofSeconds(20)).latencyOnly());
        PendingResponse pending = real.accept(request("ListWorkteams", null, "{}"), "id", Authenticator.ANY);
        assertThat(pending.delayNanos()).isEqualTo(Duration.ofSeconds(20).toNanos());
        assertThat(real.journal()).isEmpty();
        assertThat(pending.complete().statusCode()).isEqualTo(200);
        assertThat(real.journal()).hasSize(1);
        assertThatThrownBy(pending::complete).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEndpointOwnsTheJournalAndResetClearsIt() {
        fake.handle(request("ListWorkteams", null, "{}"));
        assertThat(fake.journal()).hasSize(1);
        fake.reset("123456789012", "us-east-1");
        assertThat(fake.journal()).hasSize(1);
        fake.reset();
        assertThat(fake.journal()).isEmpty();
    }
}
