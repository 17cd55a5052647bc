package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.admin.RemoteFakeControl;
import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.StateSnapshot;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots over the admin API: the document, restore, and named snapshots (docs/server.md). */
class SnapshotAdminTest {

    private static final String TEAM = "{\"WorkteamName\":\"%s\",\"Description\":\"d\",\"MemberDefinitions\":"
            + "[{\"CognitoMemberDefinition\":{\"UserPool\":\"us-east-1_abc123\",\"UserGroup\":\"g\",\"ClientId\":\"c\"}}]}";

    private FakeEndpoint fake;
    private SageMakerWorkforceServer server;

    @BeforeEach
    void start() {
        fake = new FakeEndpoint(FakeSettings.defaults().withClock(FakeClock.startingAt(Instant.parse("2024-05-01T12:00:00Z"))));
        server = SageMakerWorkforceServer.start(fake, ServerOptions.defaults());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestClients.Raw admin(String method, String path, String body) {
        return TestClients.send(server.endpoint(), method, path, Map.of("Content-Type", "application/json"), body);
    }

    private void team(String name) {
        assertThat(TestClients.awsJson(server.endpoint(), "CreateWorkteam", String.format(TEAM, name)).status())
                .isEqualTo(200);
    }

    @Test
    void theSnapshotDocumentIsTheStateAndPutsItBack() {
        team("a");
        TestClients.Raw got = admin("GET", "/_fake/snapshot", null);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json()).containsEntry("StateFileVersion", java.math.BigDecimal.valueOf(2));
        assertThat(got.body()).isEqualTo(fake.snapshot().toDocument());
        team("b");
        assertThat(admin("POST", "/_fake/snapshot", got.body()).status()).isEqualTo(200);
        assertThat(fake.state().workteamNames()).containsExactly("a");
    }

    @Test
    void theRemoteControlSnapshotsAndRestoresLikeTheInProcessOne() {
        team("a");
        RemoteFakeControl control = RemoteFakeControl.connect(server.endpoint());
        StateSnapshot snapshot = control.snapshot();
        assertThat(snapshot.toMap()).isEqualTo(fake.snapshot().toMap());
        team("b");
        control.restore(snapshot);
        assertThat(control.state().workteamNames()).containsExactly("a");
        assertThatThrownBy(() -> control.restore("{\"StateFileVersion\":2,\"Regions\":[{\"Account\":\"1\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Regions[0].Account");
        assertThat(control.state().workteamNames()).containsExactly("a");
    }

    @Test
    void oneAccountAndRegionAlone() {
        team("home");
        TestClients.Raw home = admin("GET", "/_fake/snapshot?account=123456789012&region=us-east-1", null);
        assertThat(home.body()).contains("\"Scope\"");
        fake.seed("{\"Account\":\"210987654321\",\"Region\":\"eu-west-1\",\"Workteams\":[" + String.format(TEAM, "away")
                + "]}");
        fake.reset("123456789012", "us-east-1");
        assertThat(admin("POST", "/_fake/snapshot", home.body()).status()).isEqualTo(200);
        assertThat(fake.state().workteamNames()).containsExactly("home");
        assertThat(fake.state("210987654321", "eu-west-1").workteamNames()).containsExactly("away");

        // A whole-state document restored for one pair changes only that pair.
        String all = admin("GET", "/_fake/snapshot", null).body();
        fake.reset();
        assertThat(admin("POST", "/_fake/snapshot?account=210987654321&region=eu-west-1", all).status())
                .isEqualTo(200);
        assertThat(fake.snapshot().regions()).extracting(r -> r.account()).containsExactly("210987654321");
        TestClients.Raw wrongScope = admin("POST", "/_fake/snapshot?account=210987654321&region=eu-west-1", home.body());
        assertThat(wrongScope.status()).isEqualTo(400);
        assertThat(admin("GET", "/_fake/snapshot?Account=1", null).status()).isEqualTo(400);
    }

    @Test
    void namedSnapshotsSaveRestoreListAndDelete() {
        team("known");
        TestClients.Raw saved = admin("POST", "/_fake/snapshots/known-good", null);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json()).containsEntry("Name", "known-good");
        team("mess");
        assertThat(admin("POST", "/_fake/snapshots/known-good/restore", null).status()).isEqualTo(200);
        assertThat(fake.state().workteamNames()).containsExactly("known");
        team("again");
        assertThat(admin("POST", "/_fake/snapshots/known-good/restore", null).status()).isEqualTo(200);
        assertThat(fake.state().workteamNames()).containsExactly("known");

        assertThat(admin("POST", "/_fake/snapshots/other", null).status()).isEqualTo(200);
        assertThat(RemoteFakeControl.connect(server.endpoint()).snapshotNames()).containsExactly("known-good", "other");
        assertThat(admin("GET", "/_fake/snapshots/other", null).body()).contains("\"known\"");
        assertThat(admin("DELETE", "/_fake/snapshots/other", null).status()).isEqualTo(200);
        TestClients.Raw gone = admin("POST", "/_fake/snapshots/other/restore", null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).contains("No snapshot named other").contains("known-good");
        assertThat(admin("POST", "/_fake/snapshots/..%2Fescape", null).status()).isEqualTo(400);
        assertThat(admin("GET", "/_fake/snapshots?x=1", null).status()).isEqualTo(400);
    }

    @Test
    void namedSnapshotsOfAServerWithAStateFileSurviveItsRestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Path snapshots = dir.resolve("state.json.snapshots");
        FakeEndpoint first = new FakeEndpoint(FakeSettings.defaults());
        StateFile state = StateFile.open(file, first, StateFile.Sync.PERIODIC);
        try (SageMakerWorkforceServer one = SageMakerWorkforceServer.start(first, ServerOptions.defaults(), state,
                snapshots)) {
            TestClients.awsJson(one.endpoint(), "CreateWorkteam", String.format(TEAM, "kept"));
            assertThat(TestClients.send(one.endpoint(), "POST", "/_fake/snapshots/base", Map.of(), null).status())
                    .isEqualTo(200);
        } finally {
            state.close();
        }
        assertThat(snapshots.resolve("base.json")).exists();
        FakeEndpoint second = new FakeEndpoint(FakeSettings.defaults());
        StateFile again = StateFile.open(file, second, StateFile.Sync.PERIODIC);
        try (SageMakerWorkforceServer two = SageMakerWorkforceServer.start(second, ServerOptions.defaults(), again,
                snapshots)) {
            second.reset();
            assertThat(RemoteFakeControl.connect(two.endpoint()).snapshotNames()).isEqualTo(List.of("base"));
            RemoteFakeControl.connect(two.endpoint()).restoreSnapshot("base");
            assertThat(second.state().workteamNames()).containsExactly("kept");
        } finally {
            again.close();
        }
        assertThat(Files.list(snapshots)).noneMatch(p -> p.toString().endsWith(".tmp"));
    }
}
