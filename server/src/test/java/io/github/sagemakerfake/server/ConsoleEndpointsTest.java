package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.admin.RemoteFakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.Lifecycle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the web console needs from the server, on the wire: its page, the browser redirect that
 * leaves API clients alone, and the admin endpoints it added (the journal after a sequence,
 * removing one fault rule, settling transitions). The page itself runs in console-tests.
 */
class ConsoleEndpointsTest {

    private static final String WORKFORCE = "{\"WorkforceName\":\"wf\",\"CognitoConfig\":{\"UserPool\":\"us-east-1_abc123\","
            + "\"ClientId\":\"c\"}}";

    private SageMakerWorkforceServer server;

    @BeforeEach
    void start() {
        server = SageMakerWorkforceServer.start(FakeSettings.defaults().withLifecycle(Lifecycle.observed(1)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestClients.Raw get(String path, Map<String, String> headers) {
        return TestClients.send(server.endpoint(), "GET", path, headers, null);
    }

    @Test
    void servesThePageWithAPolicyThatRunsNoInlineScript() {
        TestClients.Raw page = get("/_fake/ui", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'");
        assertThat(page.body()).contains("<script src=\"/_fake/ui/console.js\"");
        assertThat(get("/_fake/ui/console.js", Map.of()).header("Content-Type")).startsWith("text/javascript");
        assertThat(get("/_fake/ui/console.css", Map.of()).header("Content-Type")).startsWith("text/css");
        assertThat(get("/_fake/ui/other.js", Map.of()).status()).isEqualTo(404);
        assertThat(server.control().journal()).isEmpty();
    }

    @Test
    void aBrowserAtTheRootIsRedirectedAndApiClientsKeepTheirAnswer() {
        TestClients.Raw browser = get("/", Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        assertThat(browser.status()).isEqualTo(302);
        assertThat(browser.header("Location")).isEqualTo("/_fake/ui");

        TestClients.Raw api = get("/", Map.of());
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.json()).containsEntry("__type", "UnknownOperationException");
        TestClients.Raw post = TestClients.send(server.endpoint(), "POST", "/", Map.of("Accept", "text/html"), "{}");
        assertThat(post.status()).isEqualTo(400);
    }

    @Test
    void aPageOfAnotherOriginCannotChangeTheFakeThroughTheAdminApi() {
        TestClients.awsJson(server.endpoint(), "CreateWorkforce", WORKFORCE);
        String self = "http://" + server.endpoint().getHost() + ":" + server.endpoint().getPort();

        TestClients.Raw foreign = TestClients.send(server.endpoint(), "POST", "/_fake/reset",
                Map.of("Origin", "https://attacker.example"), null);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json()).containsEntry("__type", "CrossOriginAdminRequest");
        assertThat(TestClients.send(server.endpoint(), "POST", "/_fake/reset", Map.of("Sec-Fetch-Site", "cross-site"),
                null).status()).isEqualTo(403);
        assertThat(server.control().state().isEmpty()).isFalse();   // nothing was reset

        assertThat(TestClients.send(server.endpoint(), "GET", "/_fake/state",
                Map.of("Origin", "https://attacker.example"), null).status()).isEqualTo(200); // reads: no CORS, unreadable
        assertThat(TestClients.send(server.endpoint(), "POST", "/_fake/reset", Map.of("Origin", self), null).status())
                .isEqualTo(200);                                        // the console's own origin
        assertThat(server.control().state().isEmpty()).isTrue();
    }

    @Test
    void inStrictModeThePageIsOpenAndItsDataIsNot() {
        try (SageMakerWorkforceServer strict = SageMakerWorkforceServer.start(FakeSettings.defaults(),
                ServerOptions.defaults().withStrictAuth("AKID", "secret"))) {
            assertThat(TestClients.send(strict.endpoint(), "GET", "/_fake/ui", Map.of(), null).status()).isEqualTo(200);
            assertThat(TestClients.send(strict.endpoint(), "GET", "/_fake/state", Map.of(), null).status())
                    .isEqualTo(403);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJournalAfterASequenceAndWithAnswers() {
        TestClients.awsJson(server.endpoint(), "ListWorkteams", "{}");
        TestClients.awsJson(server.endpoint(), "DescribeWorkteam", "{\"WorkteamName\":\"missing\"}");
        TestClients.awsJson(server.endpoint(), "ListWorkforces", "{}");

        List<Map<String, Object>> after = (List<Map<String, Object>>) get("/_fake/requests?after=1", Map.of()).json()
                .get("Requests");
        assertThat(after).extracting(e -> e.get("Operation")).containsExactly("DescribeWorkteam", "ListWorkforces");
        assertThat(after.get(0)).containsKey("LatencyMillis")
                .containsEntry("Response", Map.of("__type", "ValidationException",
                        "message", after.get(0).get("ErrorMessage")));
        assertThat((Map<String, Object>) after.get(1).get("Response")).containsKey("Workforces");
        assertThat((List<?>) get("/_fake/requests?after=3", Map.of()).json().get("Requests")).isEmpty();
        TestClients.Raw bad = get("/_fake/requests?after=x", Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat((String) bad.json().get("message")).contains("after");
    }

    @Test
    void removesOneFaultRuleById() {
        FaultRule first = server.control().addFault(FaultRule.forOperation("ListWorkteams").throttle());
        FaultRule second = server.control().addFault(FaultRule.forOperation("ListWorkforces").throttle());

        TestClients.Raw removed = TestClients.send(server.endpoint(), "DELETE", "/_fake/faults/" + first.id(), Map.of(),
                null);
        assertThat(removed.json()).containsEntry("Removed", first.id());
        assertThat(server.control().faults()).extracting(FaultRule::id).containsExactly(second.id());

        TestClients.Raw again = TestClients.send(server.endpoint(), "DELETE", "/_fake/faults/" + first.id(), Map.of(),
                null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json()).containsEntry("__type", "InvalidAdminRequest");
        assertThat((String) again.json().get("message")).contains("No fault rule has the Id '" + first.id() + "'");
        assertThat(get("/_fake/faults/" + second.id(), Map.of()).status()).isEqualTo(405);
    }

    @Test
    void remoteFakeControlRemovesARuleAndSettlesLikeTheFakeInProcess() {
        RemoteFakeControl remote = RemoteFakeControl.connect(server.endpoint());
        FaultRule rule = remote.addFault(FaultRule.forOperation("ListWorkteams").throttle());
        remote.removeFault(rule.id());
        assertThat(server.control().faults()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> remote.removeFault(rule.id()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No fault rule has the Id");

        TestClients.awsJson(server.endpoint(), "CreateWorkforce", WORKFORCE);
        assertThat(remote.settleTransitions()).isEqualTo(1);
        assertThat(remote.state().workforce().orElseThrow().status()).isEqualTo("Active");
    }

    @Test
    void settleEndsPendingTransitionsAsTheyWouldEnd() {
        TestClients.awsJson(server.endpoint(), "CreateWorkforce", WORKFORCE);
        assertThat(server.control().state().workforce().orElseThrow().status()).isEqualTo("Initializing");

        assertThat(TestClients.send(server.endpoint(), "POST", "/_fake/settle", Map.of(), null).json())
                .containsEntry("Settled", java.math.BigDecimal.ONE);
        assertThat(server.control().state().workforce().orElseThrow().status()).isEqualTo("Active");

        TestClients.awsJson(server.endpoint(), "DeleteWorkforce", "{\"WorkforceName\":\"wf\"}");
        assertThat(server.control().state().workforce().orElseThrow().status()).isEqualTo("Deleting");
        TestClients.send(server.endpoint(), "POST", "/_fake/settle", Map.of(), null);
        assertThat(server.control().state().workforce()).isEmpty();
        assertThat(server.control().snapshot().regions()).isEmpty();
        assertThat(TestClients.send(server.endpoint(), "POST", "/_fake/settle", Map.of(), null).json())
                .containsEntry("Settled", java.math.BigDecimal.ZERO);
    }
}
