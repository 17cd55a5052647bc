package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** The state file's saver in process: what it writes, and that no failure stops it or goes unseen. */
class StateFileTest {

    private static FakeEndpoint fake() {
        return new FakeEndpoint(FakeSettings.defaults().withLifecycle(Lifecycle.immediate()));
    }

    private static String team(String name, String description) {
        return "{\"Workteams\":[{\"WorkteamName\":\"" + name + "\",\"Description\":\"" + description
                + "\",\"MemberDefinitions\":[{\"CognitoMemberDefinition\":{\"UserPool\":\"us-east-1_AbC123\","
                + "\"ClientId\":\"app\",\"UserGroup\":\"g\"}}]}]}";
    }

    @Test
    void everyValueTheApiAcceptsIsSavedAndReadBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        FakeEndpoint first = fake();
        try (SageMakerWorkforceServer server = SageMakerWorkforceServer.start(first, ServerOptions.defaults());
             SageMakerClient client = TestClients.urlConnection(server.endpoint());
             StateFile state = StateFile.open(file, first, StateFile.Sync.PERIODIC)) {
            client.createWorkteam(r -> r.workteamName("odd").description("x \ud800")
                    .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123")));
            client.createWorkteam(r -> r.workteamName("later").description("saved after the odd one")
                    .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123")));
            assertThat(state.saveNow()).as("the save succeeds").isTrue();
            assertThat(state.degraded()).isFalse();
        }
        assertThat(Files.readString(file)).contains("x \\ud800");
        FakeEndpoint second = fake();
        try (StateFile reopened = StateFile.open(file, second, StateFile.Sync.PERIODIC)) {
            assertThat(second.state().workteam("odd").orElseThrow().description()).isEqualTo("x \ud800");
            assertThat(second.state().workteamNames()).containsExactly("later", "odd");
        }
    }

    @Test
    void aVersion1FileOfEarlierServersStillLoadsAndIsRewrittenAsVersion2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{\"StateFileVersion\":1,\"Regions\":[{\"Account\":\"210987654321\",\"Region\":"
                + "\"eu-west-1\",\"Workforce\":{\"WorkforceName\":\"crowd\",\"CognitoConfig\":{\"UserPool\":"
                + "\"eu-west-1_AbC123\",\"ClientId\":\"app\"}},\"Workteams\":[{\"WorkteamName\":\"kept\","
                + "\"Description\":\"d\",\"WorkforceName\":\"crowd\",\"MemberDefinitions\":[{\"CognitoMemberDefinition\":"
                + "{\"UserPool\":\"eu-west-1_AbC123\",\"ClientId\":\"app\",\"UserGroup\":\"g\"}}]}],"
                + "\"SubscribedWorkteams\":[],\"LabelingJobs\":[]}]}");
        FakeEndpoint fake = fake();
        try (StateFile state = StateFile.open(file, fake, StateFile.Sync.PERIODIC)) {
            assertThat(fake.state("210987654321", "eu-west-1").workteamNames()).containsExactly("kept");
            assertThat(state.saveNow()).isTrue();
        }
        assertThat(Files.readString(file)).startsWith("{\"StateFileVersion\":2,");
    }

    @Test
    void theFlagsForSyncAndIdSeedAreRead() {
        ServerConfig config = ServerConfig.parse(new String[] {"--state-file", "s.json", "--state-sync",
                "always", "--id-seed", "42"}, Map.of());
        assertThat(config.stateSync()).isEqualTo(StateFile.Sync.ALWAYS);
        assertThat(config.settings().idSeed()).isEqualTo(42L);
        ServerConfig fromEnv = ServerConfig.parse(new String[0], Map.of("SAGEMAKER_FAKE_STATE_FILE", "s.json",
                "SAGEMAKER_FAKE_STATE_SYNC", "periodic", "SAGEMAKER_FAKE_ID_SEED", "-7"));
        assertThat(fromEnv.stateSync()).isEqualTo(StateFile.Sync.PERIODIC);
        assertThat(fromEnv.settings().idSeed()).isEqualTo(-7L);
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--state-sync", "always"}, Map.of()))
                .hasMessageContaining("--state-sync needs --state-file");
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--state-file", "s", "--state-sync", "often"},
                Map.of())).hasMessageContaining("--state-sync: expected periodic or always, got 'often'");
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--id-seed", "x"}, Map.of()))
                .hasMessageContaining("--id-seed: expected a whole number");
    }

    @Test
    void anUnchangedFileIsNotRewrittenAtStartOrOnClose(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        FakeEndpoint first = fake();
        first.seed(team("kept", "d"));
        try (StateFile state = StateFile.open(file, first, StateFile.Sync.PERIODIC)) {
            assertThat(state.saveNow()).isTrue();
        }
        byte[] before = Files.readAllBytes(file);
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, old);
        Object inode = Files.getAttribute(file, "unix:ino");
        FakeEndpoint second = fake();
        try (StateFile state = StateFile.open(file, second, StateFile.Sync.PERIODIC)) {
            assertThat(state.saveNow()).isTrue();
        }
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
        assertThat(Files.getAttribute(file, "unix:ino")).isEqualTo(inode);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aSymlinkIsFollowedAndTheTargetKeepsItsPermissions(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("real/state.json");
        Files.createDirectories(target.getParent());
        Path link = dir.resolve("state.json");
        Files.createSymbolicLink(link, target);
        FakeEndpoint fake = fake();
        try (StateFile state = StateFile.open(link, fake, StateFile.Sync.PERIODIC)) {
            fake.seed(team("one", "d"));
            assertThat(state.saveNow()).isTrue();
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
            fake.seed(team("two", "d"));
            assertThat(state.saveNow()).isTrue();
        }
        assertThat(Files.isSymbolicLink(link)).as("the link is still a link").isTrue();
        assertThat(Files.readString(target)).contains("\"two\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
        assertThat(dir.resolve("real")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aReadOnlyFileStopsTheStartInsteadOfBeingReplaced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        FakeEndpoint first = fake();
        first.seed(team("kept", "d"));
        try (StateFile state = StateFile.open(file, first, StateFile.Sync.PERIODIC)) {
            assertThat(state.saveNow()).isTrue();
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> StateFile.open(file, fake(), StateFile.Sync.PERIODIC))
                .isInstanceOf(StateFile.Unusable.class)
                .hasMessageContaining("is read-only")
                .hasMessageContaining("chmod u+w");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(dir.resolve("state.json.lock")).doesNotExist();
    }

    @Test
    void aSecondOpenOfTheSameFileIsRefusedWithThePid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        try (StateFile state = StateFile.open(file, fake(), StateFile.Sync.PERIODIC)) {
            assertThatThrownBy(() -> StateFile.open(file, fake(), StateFile.Sync.PERIODIC))
                    .isInstanceOf(StateFile.Unusable.class)
                    .hasMessageContaining("Another SageMaker Workforce Fake (pid " + ProcessHandle.current().pid() + ")");
        }
        try (StateFile again = StateFile.open(file, fake(), StateFile.Sync.PERIODIC)) {
            assertThat(again.path()).isEqualTo(file.toAbsolutePath()); // released on close
        }
    }

    /**
     * A full disk, for real: a 64 KiB tmpfs. The failed save leaves no temporary file and the old
     * file whole, shows in health, and the next save after space frees up succeeds. A server on
     * the full disk still starts, since an unchanged file is not rewritten.
     */
    @Test
    void aFullDiskIsRetriedShownInHealthAndLeavesNoPartialFile(@TempDir Path dir) throws Exception {
        Path mount = dir.resolve("tiny");
        Files.createDirectories(mount);
        assumeTrue(mountTmpfs(mount), "cannot mount a tmpfs here (needs root and mount); the full-disk case is "
                + "not exercised");
        try {
            Path file = mount.resolve("state.json");
            FakeEndpoint fake = fake();
            StateFile state = StateFile.open(file, fake, StateFile.Sync.PERIODIC);
            try (SageMakerWorkforceServer server = SageMakerWorkforceServer.start(fake, ServerOptions.defaults(),
                    state)) {
                fake.seed(team("before", "fits"));
                assertThat(state.saveNow()).isTrue();
                byte[] saved = Files.readAllBytes(file);
                Path filler = mount.resolve("filler");
                fill(filler);
                for (int i = 0; i < 20; i++) {
                    fake.seed(team("t" + i, "x".repeat(120)));
                }
                assertThat(state.saveNow()).as("a save on a full disk fails").isFalse();
                assertThat(mount).isDirectoryNotContaining("glob:**.tmp");
                assertThat(Files.readAllBytes(file)).as("the old file is whole").isEqualTo(saved);
                Map<String, Object> health = health(server);
                assertThat(health.get("Status")).isEqualTo("DEGRADED");
                assertThat(Json.write(health.get("StateFile"))).contains("No space left on device");

                // The start on a full disk, unchanged file: no rewrite, so it starts.
                FakeEndpoint other = fake();
                state.close(); // releases the lock; its last save fails (the disk is still full)
                try (StateFile reopened = StateFile.open(file, other, StateFile.Sync.PERIODIC)) {
                    assertThat(other.state().workteamNames()).containsExactly("before");
                }
                assertThat(mount).isDirectoryNotContaining("glob:**.tmp");

                // Space again: the next save succeeds and health is UP.
                Files.delete(filler);
                FakeEndpoint third = fake();
                try (StateFile again = StateFile.open(file, third, StateFile.Sync.PERIODIC)) {
                    for (int i = 0; i < 20; i++) {
                        third.seed(team("t" + i, "x".repeat(120)));
                    }
                    fill(filler);
                    assertThat(again.saveNow()).isFalse();
                    assertThat(again.degraded()).isTrue();
                    Files.delete(filler);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (again.degraded()) { // the saver's own retry, not ours
                        assertThat(System.nanoTime()).as("the saver retries by itself").isLessThan(deadline);
                        Thread.sleep(20); // polling a condition, with a deadline
                    }
                    assertThat(Files.readString(file)).contains("\"t19\"");
                }
            }
        } finally {
            unmount(mount);
        }
    }

    @Test
    void withSyncAlwaysAChangeIsInTheFileBeforeItIsAcknowledged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        FakeEndpoint fake = fake();
        StateFile state = StateFile.open(file, fake, StateFile.Sync.ALWAYS);
        try (SageMakerWorkforceServer server = SageMakerWorkforceServer.start(fake, ServerOptions.defaults(), state);
             SageMakerClient client = TestClients.urlConnection(server.endpoint())) {
            for (int i = 0; i < 20; i++) {
                String name = "team-" + i;
                client.createWorkteam(r -> r.workteamName(name).description("d")
                        .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123")));
                assertThat(Files.readString(file)).as("the file as soon as CreateWorkteam answered")
                        .contains("\"" + name + "\"");
            }
            TestClients.send(server.endpoint(), "POST", "/_fake/reset", Map.of(), "");
            assertThat(Files.readString(file)).doesNotContain("team-0");
        } finally {
            state.close();
        }
    }

    // ------------------------------------------------------------------------------ helpers

    @SuppressWarnings("unchecked")
    private static Map<String, Object> health(SageMakerWorkforceServer server) {
        return (Map<String, Object>) Json.parse(TestClients.send(server.endpoint(), "GET", "/_fake/health", Map.of(),
                null).body());
    }

    static boolean mountTmpfs(Path mount) {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            if (!ok) {
                System.out.println("StateFileTest: mount -t tmpfs failed: " + out.strip());
            }
            return ok;
        } catch (IOException e) {
            System.out.println("StateFileTest: cannot run mount: " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void unmount(Path mount) throws Exception {
        Process p = new ProcessBuilder("umount", mount.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            System.out.println("StateFileTest: umount " + mount + " failed (" + out.strip() + "); detaching it");
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Fills the file system of {@code filler} to the last block. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1024];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // full
        }
        try (var out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < 1024; i++) {
                out.write(0);
                out.flush();
            }
        } catch (IOException full) {
            // to the byte
        }
    }
}
