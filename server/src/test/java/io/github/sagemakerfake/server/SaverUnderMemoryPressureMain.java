package io.github.sagemakerfake.server;

import io.github.sagemakerfake.control.FakeLimits;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link StateFileRestartTest} in a JVM with a small heap: a state whose saving needs more
 * memory than is left makes the saver hit OutOfMemoryError; once memory is free again, the saver
 * (still running) saves the next change. Prints {@code DEGRADED <reason>} then {@code RECOVERED},
 * or {@code STUCK} when the change never reaches the file.
 */
public final class SaverUnderMemoryPressureMain {

    private SaverUnderMemoryPressureMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        FakeEndpoint fake = new FakeEndpoint(FakeSettings.defaults().withLifecycle(Lifecycle.immediate())
                .withLimits(FakeLimits.service().withMaxWorkteams(1000)));
        StateFile state = StateFile.open(file, fake, StateFile.Sync.PERIODIC);
        StringBuilder seed = new StringBuilder("{\"Workteams\":[");
        String value = "v".repeat(250);
        for (int t = 0; t < 300; t++) {
            seed.append(t == 0 ? "" : ",").append("{\"WorkteamName\":\"team-").append(t)
                    .append("\",\"Description\":\"d\",\"MemberDefinitions\":[{\"CognitoMemberDefinition\":{")
                    .append("\"UserPool\":\"us-east-1_AbC123\",\"ClientId\":\"app\",\"UserGroup\":\"g\"}}],\"Tags\":[");
            for (int k = 0; k < 50; k++) {
                seed.append(k == 0 ? "" : ",").append("{\"Key\":\"k").append(k).append("\",\"Value\":\"").append(value)
                        .append("\"}");
            }
            seed.append("]}");
        }
        fake.seed(seed.append("]}").toString());
        seed = null;

        List<byte[]> ballast = new ArrayList<>();
        try {
            while (true) {
                ballast.add(new byte[64 * 1024]);
            }
        } catch (OutOfMemoryError full) {
            for (int i = 0; i < 16 && !ballast.isEmpty(); i++) {
                ballast.remove(ballast.size() - 1); // 1 MiB for this thread; not enough to save the state
            }
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!state.degraded() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        boolean degraded = state.degraded();
        ballast.clear();
        ballast = null;
        System.gc();
        System.out.println(degraded ? "DEGRADED " + state.health().get("Error") : "NEVER DEGRADED");
        fake.seed("{\"Workteams\":[{\"WorkteamName\":\"after-oom\",\"Description\":\"d\",\"MemberDefinitions\":[{"
                + "\"CognitoMemberDefinition\":{\"UserPool\":\"us-east-1_AbC123\",\"ClientId\":\"app\","
                + "\"UserGroup\":\"g\"}}]}]}");
        deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!state.degraded() && Files.exists(file)
                    && Files.readString(file, StandardCharsets.UTF_8).contains("\"after-oom\"")) {
                System.out.println("RECOVERED");
                System.out.flush();
                Runtime.getRuntime().halt(0);
            }
            Thread.sleep(50);
        }
        System.out.println("STUCK " + state.health());
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
