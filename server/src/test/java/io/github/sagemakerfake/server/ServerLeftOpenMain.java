package io.github.sagemakerfake.server;

import io.github.sagemakerfake.control.FakeSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Run as a subprocess by {@link ServerMainTest}: starts a server, serves one request, and returns
 * from main without closing it. The JVM must still exit, because every thread the server started
 * is a daemon thread. No AWS SDK class here: the subprocess has none on its class path.
 */
public final class ServerLeftOpenMain {

    private ServerLeftOpenMain() {
    }

    public static void main(String[] args) throws Exception {
        SageMakerWorkforceServer server = SageMakerWorkforceServer.start(FakeSettings.defaults());
        URI health = server.endpoint().resolve("/_fake/health");
        HttpResponse<String> response = HttpClient.newBuilder()
                .executor(runnable -> {
                    Thread t = new Thread(runnable);
                    t.setDaemon(true);
                    t.start();
                })
                .build()
                .send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("served " + response.statusCode());
    }
}
