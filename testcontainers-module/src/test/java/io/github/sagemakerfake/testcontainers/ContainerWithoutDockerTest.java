package io.github.sagemakerfake.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user's test sees when the container cannot run: {@code start()} fails with the preflight's
 * message, and the message is also on standard error (the build's console), instead of
 * Testcontainers' "Could not find a valid Docker environment". Runs in a child JVM whose
 * DOCKER_HOST names a socket that does not exist, so it needs no Docker and leaves this JVM's
 * preflight alone.
 */
class ContainerWithoutDockerTest {

    /** The child JVM: constructs and starts a container the way a test class does. */
    public static void main(String[] args) {
        try (SageMakerWorkforceContainer container = new SageMakerWorkforceContainer()) {
            container.start();
            System.out.println("STARTED");
        } catch (IllegalStateException e) {
            System.out.println("FAILED: " + e.getMessage());
        }
    }

    @TempDir
    Path dir;

    @Test
    void withoutAnEngineStartFailsWithThePreflightsMessageOnTheConsoleToo() throws Exception {
        String socket = "unix://" + dir.resolve("docker.sock");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ContainerWithoutDockerTest.class.getName());
        pb.environment().put("DOCKER_HOST", socket);
        pb.redirectErrorStream(true);
        Process child = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        child.getInputStream().transferTo(out);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = out.toString(StandardCharsets.UTF_8);

        assertThat(output)
                .contains("FAILED: SageMakerWorkforceContainer cannot start: No Docker engine: " + socket + " does not exist")
                .contains("sagemaker-workforce-fake: Docker preflight: No Docker engine: " + socket)
                .doesNotContain("STARTED")
                .doesNotContain("Could not find a valid Docker environment");
    }
}
