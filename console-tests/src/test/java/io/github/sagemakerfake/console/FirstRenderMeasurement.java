package io.github.sagemakerfake.console;

import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.server.SageMakerWorkforceServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The figures of docs/benchmarks.md for the web console: the page's size and the time from
 * navigation to the first paint and to the first render of the server's data, in headless
 * Chromium. Not a test (its name keeps it out of {@code mvn verify}); run it with
 * {@code mvn -pl console-tests -am test -Dtest=FirstRenderMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class FirstRenderMeasurement {

    private static final int RUNS = 15;
    private static final String TEAM = "{\"WorkteamName\":\"team-%d\",\"Description\":\"d\",\"MemberDefinitions\":"
            + "[{\"CognitoMemberDefinition\":{\"UserPool\":\"us-east-1_abc123\",\"UserGroup\":\"g\",\"ClientId\":\"c\"}}]}";

    @Test
    void measure() throws Exception {
        Browser.requireInstalled();
        try (SageMakerWorkforceServer server = SageMakerWorkforceServer.start(FakeSettings.defaults());
             Browser browser = Browser.start(1280, 900)) {
            HttpClient http = HttpClient.newHttpClient();
            long bytes = 0;
            for (String path : List.of("/_fake/ui", "/_fake/ui/console.js", "/_fake/ui/console.css")) {
                long size = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body().length;
                System.out.printf(Locale.ROOT, "%-24s %6d bytes%n", path, size);
                bytes += size;
            }
            System.out.printf(Locale.ROOT, "%-24s %6d bytes%n", "page total", bytes);
            for (int i = 0; i < 10; i++) { // 10 teams and 200 journal entries to render
                post(http, server, "CreateWorkteam", String.format(Locale.ROOT, TEAM, i));
            }
            for (int i = 0; i < 190; i++) {
                post(http, server, "ListWorkteams", "{}");
            }
            for (String view : List.of("state", "journal")) {
                List<Double> paint = new ArrayList<>();
                List<Double> data = new ArrayList<>();
                for (int run = 0; run <= RUNS; run++) {
                    browser.driver.get("about:blank");
                    browser.driver.get(server.endpoint() + "/_fake/ui#view=" + view);
                    new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> browser.driver.executeScript(
                            "return performance.getEntriesByName('console-data-rendered').length") instanceof Long n
                            && n > 0);
                    double fcp = number(browser.driver.executeScript(
                            "return performance.getEntriesByName('first-contentful-paint')[0].startTime"));
                    double rendered = number(browser.driver.executeScript(
                            "return performance.getEntriesByName('console-data-rendered')[0].startTime"));
                    if (run == 0) {
                        System.out.printf(Locale.ROOT, "%s view, first navigation: first paint %.0f ms, data %.0f ms%n",
                                view, fcp, rendered);
                        continue;
                    }
                    paint.add(fcp);
                    data.add(rendered);
                }
                System.out.printf(Locale.ROOT, "%s view, %d warm navigations: first paint median %.0f ms (max %.0f), "
                        + "data rendered median %.0f ms (max %.0f)%n", view, RUNS, median(paint), Collections.max(paint),
                        median(data), Collections.max(data));
            }
        }
    }

    private static void post(HttpClient http, SageMakerWorkforceServer server, String op, String body) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", "SageMaker." + op).header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
