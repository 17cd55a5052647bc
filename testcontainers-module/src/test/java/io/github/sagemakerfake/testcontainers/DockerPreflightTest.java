package io.github.sagemakerfake.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines Testcontainers cannot use are named within seconds, with the setting that fixes them; no
 * Docker engine is needed: each case is a real Unix socket that misbehaves.
 */
class DockerPreflightTest {

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeSockets() throws Exception {
        List<AutoCloseable> toClose;
        synchronized (open) {
            toClose = new ArrayList<>(open);
        }
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void aMissingSocketMeansNoEngine() {
        DockerPreflight.Problem problem = DockerPreflight.problem("unix://" + dir.resolve("docker.sock"));

        assertThat(problem.noEngine()).isTrue();
        assertThat(problem.message()).contains("does not exist").contains("DOCKER_HOST");
    }

    @Test
    void aSocketThatNeverAnswersIsReportedAfterThePingTimeout() throws IOException {
        Path socket = listen(false);

        DockerPreflight.Problem problem = DockerPreflight.problem("unix://" + socket);

        assertThat(problem.noEngine()).isFalse();
        assertThat(problem.message()).contains("did not answer a ping within 3 s").contains("DOCKER_HOST");
    }

    @Test
    void aSocketThatIsNoDockerEngineIsNamedWithWhatItAnswered() throws IOException {
        Path socket = listen(true);

        DockerPreflight.Problem problem = DockerPreflight.problem("unix://" + socket);

        assertThat(problem.noEngine()).isFalse();
        assertThat(problem.message()).contains("is not a Docker engine").contains("SSH-2.0-test");
    }

    /** A Unix socket that accepts connections and either says something that is not HTTP, or nothing. */
    private Path listen(boolean answerGarbage) throws IOException {
        Path path = dir.resolve(answerGarbage ? "garbage.sock" : "silent.sock");
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        synchronized (open) {
            open.add(server);
        }
        Thread acceptor = new Thread(() -> {
            try {
                while (server.isOpen()) {
                    SocketChannel client = server.accept();
                    synchronized (open) {
                        open.add(client);
                    }
                    if (answerGarbage) {
                        client.read(ByteBuffer.allocate(1024));     // the ping request
                        client.write(ByteBuffer.wrap("SSH-2.0-test\r\n".getBytes(StandardCharsets.US_ASCII)));
                        client.close();
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "preflight-test-socket");
        acceptor.setDaemon(true);
        acceptor.start();
        return path;
    }
}
