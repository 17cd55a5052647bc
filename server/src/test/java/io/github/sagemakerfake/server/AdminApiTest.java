package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API on the wire: the JSON shapes, and errors that say how to fix the request. */
class AdminApiTest {

    private static final String TEAM = "{\"WorkteamName\":\"%s\",\"Description\":\"d\",\"MemberDefinitions\":"
            + "[{\"CognitoMemberDefinition\":{\"UserPool\":\"us-east-1_abc123\",\"UserGroup\":\"g\",\"ClientId\":\"c\"}}]}";

    private FakeControl fake;
    private SageMakerWorkforceServer server;

    @BeforeEach
    void start() {
        server = SageMakerWorkforceServer.start(FakeSettings.defaults().withClock(FakeClock.startingAt(Instant.parse("2024-05-01T12:00:00Z"))));
        fake = server.control();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestClients.Raw admin(String method, String path, String body) {
        return TestClients.send(server.endpoint(), method, path, Map.of("Content-Type", "application/json"), body);
    }

    private static void assertAdminError(TestClients.Raw r, int status, String code, String... fragments) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.json().get("__type")).isEqualTo(code);
        assertThat((String) r.json().get("message")).contains(fragments);
    }

    @Test
    void healthSaysUpWithVersionAndDefaults() {
        TestClients.Raw r = admin("GET", "/_fake/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).containsEntry("Status", "UP").containsEntry("DefaultAccount", "123456789012")
                .containsEntry("DefaultRegion", "us-east-1").containsKey("Version");
    }

    @Test
    void stateRequestsResetAndTheirFilters() {
        TestClients.awsJson(server.endpoint(), "CreateWorkteam", String.format(TEAM, "a"));
        TestClients.Raw state = admin("GET", "/_fake/state", null);
        assertThat((Object) state.json()).isEqualTo(asJson(fake.snapshot().toMap()));
        TestClients.Raw region = admin("GET", "/_fake/state?account=123456789012&region=us-east-1", null);
        assertThat(region.json()).containsEntry("Account", "123456789012").containsEntry("Region", "us-east-1");
        assertThat(region.body()).contains("\"WorkteamName\":\"a\"");
        assertThat(admin("GET", "/_fake/state?region=eu-west-1", null).json())
                .containsEntry("Account", "123456789012").containsEntry("Region", "eu-west-1");

        TestClients.Raw requests = admin("GET", "/_fake/requests", null);
        assertThat((List<?>) requests.json().get("Requests")).hasSize(1);
        assertThat(requests.body()).contains("\"Operation\":\"CreateWorkteam\"");

        assertThat(admin("POST", "/_fake/reset?account=123456789012&region=eu-west-1", null).json())
                .containsEntry("Reset", "123456789012/eu-west-1");
        assertThat(fake.state().workteams()).hasSize(1);
        assertThat(admin("POST", "/_fake/reset", null).json()).containsEntry("Reset", "all");
        assertThat(fake.state().workteams()).isEmpty();
        assertThat(admin("DELETE", "/_fake/requests", null).status()).isEqualTo(200);
        assertThat(fake.journal()).isEmpty();
    }

    @Test
    void clockReadsAndAdvances() {
        assertThat(admin("GET", "/_fake/clock", null).json().get("Now")).isEqualTo(new BigDecimal("1714564800.000"));
        TestClients.Raw advanced = admin("POST", "/_fake/clock", "{\"AdvanceMillis\": 1500}");
        assertThat(advanced.json().get("Now")).isEqualTo(new BigDecimal("1714564801.500"));
        assertThat(fake.now()).isEqualTo(Instant.parse("2024-05-01T12:00:01.500Z"));
        assertAdminError(admin("POST", "/_fake/clock", "{\"AdvanceMillis\": -1}"), 400, "InvalidAdminRequest",
                "\"AdvanceMillis\" must be a whole number from 0");
        assertAdminError(admin("POST", "/_fake/clock", "{\"Advance\": \"PT1M\"}"), 400, "InvalidAdminRequest",
                "{\"AdvanceMillis\": n}");
        assertAdminError(admin("POST", "/_fake/clock", "{\"AdvanceMillis\": 1.5}"), 400, "InvalidAdminRequest",
                "whole number");
    }

    @Test
    void faultsAreAddedListedAndCleared() {
        TestClients.Raw added = admin("POST", "/_fake/faults", "{\"Operation\":\"ListWorkteams\",\"Times\":1,"
                + "\"Outcome\":\"ERROR\",\"ErrorCode\":\"ThrottlingException\",\"StatusCode\":400,\"Message\":\"Rate exceeded\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json()).containsEntry("Id", "f1").containsEntry("Outcome", "ERROR");
        TestClients.Raw throttled = TestClients.awsJson(server.endpoint(), "ListWorkteams", "{}");
        assertThat(throttled.status()).isEqualTo(400);
        assertThat(throttled.json()).containsEntry("__type", "ThrottlingException").containsEntry("message", "Rate exceeded");
        TestClients.Raw listed = admin("GET", "/_fake/faults", null);
        assertThat(listed.body()).contains("\"FiredCount\":1");
        assertThat(admin("DELETE", "/_fake/faults", null).status()).isEqualTo(200);
        assertThat(fake.faults()).isEmpty();
    }

    @Test
    void badFaultRulesAreRefusedWithAMessageNamingTheMistake() {
        assertAdminError(admin("POST", "/_fake/faults", "{\"Operation\":\"CreateTrainingJob\",\"Outcome\":\"ERROR\","
                + "\"ErrorCode\":\"X\",\"StatusCode\":400}"), 400, "InvalidAdminRequest", "Unknown operation",
                "CreateWorkteam");
        assertAdminError(admin("POST", "/_fake/faults", "{\"Operation\":\"ListWorkteams\",\"Times\":\"2\"}"),
                400, "InvalidAdminRequest", "\"Times\"", "positive whole number");
        assertAdminError(admin("POST", "/_fake/faults", "{\"Outcome\":\"EXPLODE\"}"), 400, "InvalidAdminRequest",
                "\"Outcome\"", "CONNECTION_RESET");
        assertAdminError(admin("POST", "/_fake/faults", "{\"Outcome\":\"ERROR\"}"), 400, "InvalidAdminRequest",
                "\"ErrorCode\" and \"StatusCode\"");
        assertAdminError(admin("POST", "/_fake/faults", "{\"Operaton\":\"ListWorkteams\"}"), 400,
                "InvalidAdminRequest", "has no member 'Operaton'", "it takes: ", "Operation");
        assertAdminError(admin("POST", "/_fake/faults", "{\"Times\":0,\"Outcome\":\"EMPTY_RESPONSE\"}"), 400,
                "InvalidAdminRequest", "\"Times\" must be a whole number from 1 to 2147483647");
        assertAdminError(admin("POST", "/_fake/faults", "not json"), 400, "InvalidAdminRequest", "not valid JSON");
        assertThat(fake.faults()).isEmpty();
    }

    @Test
    void seedsAreAppliedOrRefusedWholly() {
        assertThat(admin("POST", "/_fake/seed", "{\"Workteams\":[" + String.format(TEAM, "seeded") + "]}").status())
                .isEqualTo(200);
        assertThat(fake.state().workteamNames()).containsExactly("seeded");
        assertAdminError(admin("POST", "/_fake/seed", "{\"Account\":\"42\"}"), 400, "InvalidAdminRequest",
                "12 digits");
        assertAdminError(admin("POST", "/_fake/seed", "[1]"), 400, "InvalidAdminRequest", "JSON object");
        assertAdminError(admin("POST", "/_fake/seed", "{\"Workteams\":"), 400, "InvalidAdminRequest", "not valid JSON");
        assertAdminError(admin("POST", "/_fake/seed", "{\"Workteams\":\"seeded\"}"), 400, "InvalidAdminRequest",
                "seed format");
        assertAdminError(admin("POST", "/_fake/seed", null), 400, "InvalidAdminRequest", "seed document");
    }

    @Test
    void unknownEndpointsAndMethodsListWhatExists() {
        assertAdminError(admin("GET", "/_fake/teams", null), 404, "UnknownAdminEndpoint",
                "GET /_fake/health", "POST /_fake/seed", "GET|POST|DELETE /_fake/faults");
        assertAdminError(admin("GET", "/_fake", null), 404, "UnknownAdminEndpoint", "GET /_fake/health");
        assertAdminError(admin("DELETE", "/_fake/health", null), 405, "MethodNotAllowed", "answers GET, not DELETE",
                "POST /_fake/reset");
        assertAdminError(admin("GET", "/_fake/reset", null), 405, "MethodNotAllowed", "answers POST");
        assertAdminError(admin("GET", "/_fake/state?account=42", null), 400, "InvalidAdminRequest",
                "Query parameter account", "12 digits");
        assertAdminError(admin("POST", "/_fake/reset?region=Mars", null), 400, "InvalidAdminRequest",
                "Query parameter region", "us-east-1");
        assertThat(admin("GET", "/_fake/health/", null).status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ only what was asked

    private static final String TWO_ACCOUNTS = "{\"Regions\":[{\"Account\":\"111122223333\",\"Workteams\":["
            + String.format(TEAM, "kept") + "]},{\"Account\":\"123456789012\",\"Workteams\":["
            + String.format(TEAM, "mine") + "]}]}";

    @Test
    void aWronglyCasedResetParameterResetsNothing() {
        assertThat(admin("POST", "/_fake/seed", TWO_ACCOUNTS).status()).isEqualTo(200);

        assertAdminError(admin("POST", "/_fake/reset?Account=123456789012&Region=us-east-1", null), 400,
                "InvalidAdminRequest", "'Account' (names are case-sensitive: did you mean 'account'?)",
                "'Region' (names are case-sensitive: did you mean 'region'?)", "it takes: account, region");
        assertAdminError(admin("POST", "/_fake/reset?acount=123456789012", null), 400, "InvalidAdminRequest",
                "POST /_fake/reset has no query parameter 'acount'", "it takes: account, region");

        assertThat(fake.state("111122223333", "us-east-1").workteamNames()).containsExactly("kept");
        assertThat(fake.state().workteamNames()).containsExactly("mine");
        // Asked correctly, one account goes and the other stays.
        assertThat(admin("POST", "/_fake/reset?account=123456789012&region=us-east-1", null).status()).isEqualTo(200);
        assertThat(fake.state().workteams()).isEmpty();
        assertThat(fake.state("111122223333", "us-east-1").workteamNames()).containsExactly("kept");
    }

    @Test
    void aRepeatedParameterIsRefused() {
        assertThat(admin("POST", "/_fake/seed", TWO_ACCOUNTS).status()).isEqualTo(200);
        assertAdminError(admin("POST", "/_fake/reset?account=111122223333&account=123456789012", null), 400,
                "InvalidAdminRequest", "'account' more than once");
        assertAdminError(admin("GET", "/_fake/state?region=us-east-1&region=eu-west-1", null), 400,
                "InvalidAdminRequest", "'region' more than once");
        assertThat(fake.snapshot().regions()).hasSize(2);
    }

    @Test
    void everyEndpointRefusesParametersItDoesNotTake() {
        assertAdminError(admin("GET", "/_fake/state?Region=eu-west-1", null), 400, "InvalidAdminRequest",
                "GET /_fake/state has no query parameter 'Region'", "did you mean 'region'?");
        assertAdminError(admin("GET", "/_fake/health?verbose=1", null), 400, "InvalidAdminRequest",
                "GET /_fake/health has no query parameter 'verbose'", "it takes no query parameters");
        assertAdminError(admin("GET", "/_fake/requests?operation=ListWorkteams", null), 400, "InvalidAdminRequest",
                "GET /_fake/requests has no query parameter 'operation'");
        TestClients.awsJson(server.endpoint(), "ListWorkteams", "{}");
        assertAdminError(admin("DELETE", "/_fake/requests?account=123456789012", null), 400, "InvalidAdminRequest",
                "DELETE /_fake/requests has no query parameter 'account'");
        assertThat(fake.journal()).as("the refused DELETE cleared nothing").hasSize(1);
        assertAdminError(admin("POST", "/_fake/seed?account=111122223333", "{\"Workteams\":[]}"), 400,
                "InvalidAdminRequest", "POST /_fake/seed has no query parameter 'account'");
        assertAdminError(admin("GET", "/_fake/clock?zone=UTC", null), 400, "InvalidAdminRequest",
                "GET /_fake/clock has no query parameter 'zone'");
        assertAdminError(admin("DELETE", "/_fake/faults?id=1", null), 400, "InvalidAdminRequest",
                "DELETE /_fake/faults has no query parameter 'id'");
        assertAdminError(admin("GET", "/_fake/requests?After=1", null), 400, "InvalidAdminRequest",
                "did you mean 'after'?");
        assertAdminError(admin("GET", "/_fake/requests?after=1&after=2", null), 400, "InvalidAdminRequest",
                "'after' more than once");
        assertAdminError(admin("POST", "/_fake/settle?account=123456789012", null), 400, "InvalidAdminRequest",
                "POST /_fake/settle has no query parameter 'account'");
        assertAdminError(admin("DELETE", "/_fake/faults/some-id?force=true", null), 400, "InvalidAdminRequest",
                "DELETE /_fake/faults/{Id} has no query parameter 'force'");
    }

    @Test
    void unknownOrWronglyCasedMembersAreRefused() {
        assertAdminError(admin("POST", "/_fake/seed", "{\"account\":\"111122223333\",\"Workteams\":["
                + String.format(TEAM, "a") + "]}"), 400, "InvalidAdminRequest", "'account'", "did you mean 'Account'?");
        assertAdminError(admin("POST", "/_fake/seed", "{\"workteams\":[" + String.format(TEAM, "a") + "]}"), 400,
                "InvalidAdminRequest", "did you mean 'Workteams'?");
        assertAdminError(admin("POST", "/_fake/seed", "{\"Regions\":[{\"account\":\"111122223333\"}]}"), 400,
                "InvalidAdminRequest", "Regions entry", "did you mean 'Account'?");
        assertThat(fake.snapshot().regions()).as("no refused seed landed anywhere").isEmpty();

        assertAdminError(admin("POST", "/_fake/clock", "{\"advanceMillis\": 1000}"), 400, "InvalidAdminRequest",
                "did you mean 'AdvanceMillis'?");
        assertAdminError(admin("POST", "/_fake/clock", "{\"AdvanceMillis\": 1000, \"Zone\": \"UTC\"}"), 400,
                "InvalidAdminRequest", "'Zone'", "it takes: AdvanceMillis");
        assertThat(fake.now()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));

        assertAdminError(admin("POST", "/_fake/faults", "{\"operation\":\"ListWorkteams\",\"Outcome\":"
                + "\"EMPTY_RESPONSE\"}"), 400, "InvalidAdminRequest", "did you mean 'Operation'?");
        assertThat(fake.faults()).isEmpty();

        assertAdminError(admin("POST", "/_fake/reset", "{\"account\":\"123456789012\"}"), 400,
                "InvalidAdminRequest", "POST /_fake/reset takes no body");
        assertThat(admin("POST", "/_fake/reset", "{}").status()).as("an empty object is no body").isEqualTo(200);
    }

    @Test
    void theAdminApiStaysOutOfTheJournal() {
        admin("GET", "/_fake/health", null);
        admin("GET", "/_fake/state", null);
        admin("POST", "/_fake/clock", "{\"AdvanceMillis\": 1}");
        assertThat(fake.journal()).isEmpty();
    }

    /** The in-process map in the form it takes after a JSON round trip. */
    private static Object asJson(Object value) {
        return TestJson.parse(TestJson.write(value));
    }
}
