package io.github.sagemakerfake.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.server.SageMakerWorkforceServer;
import io.github.sagemakerfake.server.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * The web console at {@code /_fake/ui}, in a real headless Chromium against the real server:
 * state created with the SDK shows up, the journal filters and opens a failing call's bodies,
 * fault rules and regions are removed and reset through the page, hostile names stay text, and
 * strict mode asks for the key pair. Every wait is for a condition on the page or on the fake.
 */
class WebConsoleTest {

    private static final String ACCOUNT = "123456789012";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String HOSTILE = "<script>window.__pwned=1</script>\"quoted' </textarea>"
            + "<img src=x onerror=\"window.__pwned=2\">";

    private static Browser browser;
    private SageMakerWorkforceServer server;
    private SageMakerClient sageMaker;

    @BeforeAll
    static void startBrowser() {
        Browser.requireInstalled();
        browser = Browser.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void startServer() {
        server = SageMakerWorkforceServer.start(FakeSettings.defaults());
        sageMaker = client(server, "us-east-1", ACCOUNT, "any-secret");
    }

    @AfterEach
    void stopServer() {
        sageMaker.close();
        server.close();
    }

    @Test
    void showsTheStateTheSdkCreated() {
        createTeam(sageMaker, "labelers", "Tags visible", "team", "blue");

        open("#view=state");
        By regionSection = By.cssSelector("section.region[data-region='" + ACCOUNT + "/us-east-1']");
        wait(d -> d.findElement(regionSection).getText().contains("labelers"));
        WebElement region = browser.driver.findElement(regionSection);
        String text = region.getText();
        assertThat(text).contains("Workforce", "default", "us-east-1_abc123", "team=blue", "Tags visible");
        assertThat(region.findElement(By.cssSelector("[data-collection='Workteams']")).getText()).contains("labelers");

        // The text filter narrows rows; a term that matches nothing hides the region.
        browser.driver.findElement(By.id("state-text")).sendKeys("no-such-thing");
        wait(d -> d.findElements(By.cssSelector("section.region")).isEmpty());
        assertThat(browser.driver.findElement(By.id("state-body")).getText()).contains("Nothing matches");
    }

    /**
     * Collections that the state JSON will gain (flow definitions, human task UIs) become tables
     * with no change to the page: here the page's own fetch answers are extended in the browser.
     */
    @Test
    void aCollectionTheStateGainsShowsAsATableWithoutAChangeToThePage() {
        createTeam(sageMaker, "labelers", "d", "k", "v");
        open("#view=state");
        wait(d -> d.findElement(By.id("state-body")).getText().contains("labelers"));
        browser.driver.executeScript("""
                const real = window.fetch;
                window.fetch = async (url, init) => {
                  const response = await real(url, init);
                  if (!String(url).startsWith('/_fake/state')) return response;
                  const state = await response.json();
                  for (const region of state.Regions) {
                    region.FlowDefinitions = [{ FlowDefinitionName: 'review-flow', FlowDefinitionStatus: 'Active',
                      HumanLoopConfig: { WorkteamArn: 'arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/labelers',
                        TaskCount: 1 } }];
                    region.HumanTaskUis = [{ HumanTaskUiName: 'ui-1',
                      UiTemplate: { Content: '<crowd-form>' + 'x'.repeat(300) + '</crowd-form>' } }];
                  }
                  return new Response(JSON.stringify(state), { status: 200 });
                };
                """);
        By flowTable = By.cssSelector("[data-collection='FlowDefinitions']");
        wait(d -> d.findElement(flowTable).getText().contains("review-flow"));
        assertThat(browser.driver.findElement(flowTable).getText()).contains("FlowDefinitionStatus", "Active", "TaskCount");
        assertThat(browser.driver.findElement(By.cssSelector("[data-key='FlowDefinitions'] h4")).getText())
                .isEqualTo("Flow definitions (1)");
        WebElement uis = waitFor(By.cssSelector("[data-collection='HumanTaskUis']"));
        assertThat(uis.getText()).contains("ui-1", "<crowd-form>");
        assertThat(browser.driver.executeScript("return document.querySelectorAll('#state-body crowd-form').length"))
                .isEqualTo(0L);
    }

    @Test
    void aDeepLinkSelectsAnAccountAndRegion() {
        createTeam(sageMaker, "east-team", "in us-east-1", "k", "v");
        try (SageMakerClient west = client(server, "eu-west-1", "111122223333", "x")) {
            createTeam(west, "west-team", "in eu-west-1", "k", "v");
        }

        open("#account=111122223333&region=eu-west-1");
        wait(d -> d.findElement(By.id("state-body")).getText().contains("west-team"));
        assertThat(browser.driver.findElements(By.cssSelector("section.region")))
                .extracting(e -> e.getAttribute("data-region")).containsExactly("111122223333/eu-west-1");
        assertThat(new Select(browser.driver.findElement(By.id("state-account"))).getFirstSelectedOption().getText())
                .isEqualTo("111122223333");
    }

    @Test
    void aBrowserAtTheRootIsSentToTheConsoleWhileApiClientsKeepTheirAnswer() throws Exception {
        browser.driver.get(server.endpoint() + "/");
        wait(d -> d.getCurrentUrl().contains("/_fake/ui"));
        waitFor(By.id("tab-journal"));

        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.endpoint() + "/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("UnknownOperationException");
    }

    @Test
    void findsAFailingCallAndItsErrorBody() {
        createTeam(sageMaker, "labelers", "ok", "k", "v");
        sageMaker.listWorkteams(r -> { });
        assertThatThrownBy(() -> sageMaker.describeWorkteam(r -> r.workteamName("missing-team")))
                .isInstanceOf(SageMakerException.class);

        open("#view=journal");
        wait(d -> rows().size() == 3);
        assertThat(rows().get(0).getText()).contains("DescribeWorkteam", "400", "ValidationException");

        new Select(browser.driver.findElement(By.id("journal-status"))).selectByValue("failed");
        wait(d -> rows().size() == 1);
        assertThat(browser.driver.getCurrentUrl()).contains("status=failed");

        click(By.cssSelector("#journal-rows tr:nth-child(1) button"));
        WebElement detail = waitFor(By.id("journal-detail"));
        wait(d -> detail.isDisplayed());
        assertThat(browser.driver.findElement(By.id("detail-request")).getText()).contains("\"WorkteamName\": \"missing-team\"");
        assertThat(browser.driver.findElement(By.id("detail-response")).getText())
                .contains("\"__type\": \"ValidationException\"", "missing-team");

        new Select(browser.driver.findElement(By.id("journal-status"))).selectByValue("");
        new Select(browser.driver.findElement(By.id("journal-operation"))).selectByValue("CreateWorkteam");
        wait(d -> rows().size() == 1 && rows().get(0).getText().contains("CreateWorkteam"));
        assertThat(rows().get(0).getText()).contains("200");
        Select account = new Select(browser.driver.findElement(By.id("journal-account")));
        assertThat(account.getOptions()).extracting(WebElement::getText).contains(ACCOUNT);
    }

    @Test
    void followsTheJournalAsRequestsArriveAndAsOthersClearIt() {
        sageMaker.listWorkteams(r -> { });
        open("#view=journal");
        wait(d -> rows().size() == 1);
        sageMaker.listWorkforces(r -> { });
        sageMaker.listWorkforces(r -> { });
        wait(d -> rows().size() == 3 && rows().get(0).getText().contains("ListWorkforces"));

        server.control().clearJournal(); // as a test suite's reset between tests does
        wait(d -> rows().isEmpty());
        sageMaker.listWorkteams(r -> { });
        wait(d -> rows().size() == 1 && rows().get(0).getText().startsWith("4"));
    }

    @Test
    void removesOneFaultRuleThroughThePage() {
        FaultRule first = server.control().addFault(FaultRule.forOperation("CreateWorkteam").times(3).throttle());
        FaultRule second = server.control().addFault(FaultRule.forOperation("ListWorkteams").serviceUnavailable());
        assertThatThrownBy(() -> sageMaker.listWorkteams(r -> { })).isInstanceOf(SageMakerException.class);

        open("#view=control");
        By row = By.cssSelector("tr[data-fault='" + second.id() + "']");
        wait(d -> d.findElement(row).getText().contains("ServiceUnavailable")
                && d.findElement(row).findElements(By.tagName("td")).get(8).getText().equals("1")); // fired once

        click(By.cssSelector("button[data-remove='" + first.id() + "']"));
        wait(d -> server.control().faults().size() == 1);
        assertThat(server.control().faults()).extracting(FaultRule::id).containsExactly(second.id());
        wait(d -> d.findElement(By.id("notice")).getText().equals("Fault rule " + first.id() + " removed"));
        wait(d -> d.findElements(By.cssSelector("tr[data-fault='" + first.id() + "']")).isEmpty());
    }

    @Test
    void addsAFaultRuleThroughThePageAndShowsItFire() {
        open("#view=control");
        waitFor(By.cssSelector("#fault-add summary")).click();
        WebElement operation = waitFor(By.id("fault-operation"));
        operation.sendKeys("ListWorkteams");
        WebElement times = browser.driver.findElement(By.id("fault-times"));
        times.sendKeys("1");
        browser.driver.findElement(By.cssSelector("#fault-form button[type=submit]")).click();
        wait(d -> server.control().faults().size() == 1);
        FaultRule rule = server.control().faults().get(0);
        assertThat(rule.operation()).isEqualTo("ListWorkteams");
        assertThat(rule.times()).isEqualTo(1);
        wait(d -> d.findElement(By.id("notice")).getText().equals("Fault rule " + rule.id() + " added"));

        assertThatThrownBy(() -> sageMaker.listWorkteams(r -> { }))
                .isInstanceOfSatisfying(SageMakerException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("ThrottlingException"));
        By row = By.cssSelector("tr[data-fault='" + rule.id() + "']");
        wait(d -> d.findElement(row).findElements(By.tagName("td")).get(8).getText().equals("1"));

        // A rule the server refuses says why, on the page.
        operation.clear();
        operation.sendKeys("NoSuchOperation");
        browser.driver.findElement(By.cssSelector("#fault-form button[type=submit]")).click();
        wait(d -> d.findElement(By.id("notice")).getText().contains("NoSuchOperation"));
        assertThat(server.control().faults()).hasSize(1);
    }

    @Test
    void resetsOneRegionThroughThePageAfterConfirmation() {
        createTeam(sageMaker, "stays", "east", "k", "v");
        try (SageMakerClient west = client(server, "eu-west-1", ACCOUNT, "x")) {
            createTeam(west, "goes", "west", "k", "v");
        }

        open("#view=state");
        click(By.cssSelector("button[data-reset='" + ACCOUNT + "/eu-west-1']"));
        WebElement dialog = waitFor(By.id("confirm"));
        wait(d -> dialog.isDisplayed());
        assertThat(dialog.getText()).contains("eu-west-1");
        browser.driver.findElement(By.id("confirm-ok")).click();

        wait(d -> server.control().state(ACCOUNT, "eu-west-1").workteamNames().isEmpty());
        wait(d -> d.findElement(By.id("notice")).getText().equals("Reset " + ACCOUNT + "/eu-west-1"));
        assertThat(server.control().state(ACCOUNT, "us-east-1").workteamNames()).containsExactly("stays");
        wait(d -> d.findElements(By.cssSelector("section.region[data-region='" + ACCOUNT + "/eu-west-1']")).isEmpty());
    }

    @Test
    void cancellingTheConfirmationResetsNothing() {
        createTeam(sageMaker, "stays", "east", "k", "v");
        open("#view=control");
        waitFor(By.id("reset-all")).click();
        wait(d -> d.findElement(By.id("confirm")).isDisplayed());
        browser.driver.findElement(By.id("confirm-cancel")).click();
        wait(d -> !d.findElement(By.id("confirm")).isDisplayed());
        assertThat(server.control().state().workteamNames()).containsExactly("stays");
    }

    @Test
    void hostileNamesAndBodiesAreShownAsTextAndNeverRun() throws Exception {
        createTeam(sageMaker, "hostile", HOSTILE, "k", "v");
        // A refused request keeps its hostile body in the journal, and its message echoes it.
        assertThatThrownBy(() -> sageMaker.describeWorkteam(r -> r.workteamName(HOSTILE)))
                .isInstanceOf(SageMakerException.class);
        // An operation name is whatever the client sent as X-Amz-Target; a body holds what the client sent.
        raw("SageMaker.<img src=x onerror=alert(3)>", "{}");
        raw("SageMaker.DescribeWorkteam", "{\"WorkteamName\":\"</textarea><script>alert(4)</script>\"}");

        open("#view=state");
        wait(d -> d.findElement(By.id("state-body")).getText().contains("hostile"));
        assertThat(browser.driver.findElement(By.id("state-body")).getText()).contains(HOSTILE);

        open("#view=journal");
        wait(d -> rows().size() == 4);
        assertThat(browser.driver.findElement(By.id("journal-rows")).getText())
                .contains("<img src=x onerror=alert(3)>");
        click(By.cssSelector("#journal-rows tr:nth-child(3) button"));
        wait(d -> d.findElement(By.id("detail-request")).getText().contains("</textarea>"));
        assertThat(browser.driver.findElement(By.id("detail-request")).getText()).contains(jsonEscaped(HOSTILE));
        click(By.cssSelector("#journal-rows tr:nth-child(1) button"));
        wait(d -> d.findElement(By.id("detail-request")).getText().contains("</textarea><script>alert(4)</script>"));
        assertThat(browser.driver.findElement(By.id("detail-response")).getText()).contains("ValidationException");

        assertThat(browser.driver.executeScript("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(browser.driver.executeScript(
                "return document.querySelectorAll('main script, main img, main textarea').length")).isEqualTo(0L);
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void strictModeAsksForTheKeyPairAndSignsWithIt() {
        try (SageMakerWorkforceServer strict = SageMakerWorkforceServer.start(FakeSettings.defaults(),
                     ServerOptions.defaults().withStrictAuth("AKIDCONSOLE", "console-secret"));
             SageMakerClient signed = client(strict, "us-east-1", "AKIDCONSOLE", "console-secret")) {
            createTeam(signed, "strict-team", "signed", "k", "v");

            browser.driver.get(strict.endpoint() + "/_fake/ui#view=state");
            waitFor(By.id("signin-key"));
            wait(d -> d.findElement(By.id("signin")).isDisplayed());
            assertThat(browser.driver.findElement(By.id("state-body")).getText()).doesNotContain("strict-team");

            signIn("AKIDCONSOLE", "wrong-secret");
            wait(d -> d.findElement(By.id("signin-error")).getText().contains("InvalidSignature")
                    || d.findElement(By.id("signin-error")).getText().contains("signature"));

            signIn("AKIDCONSOLE", "console-secret");
            wait(d -> d.findElement(By.id("state-body")).getText().contains("strict-team"));
            assertThat(browser.driver.findElement(By.id("signin")).isDisplayed()).isFalse();

            // Signed reads with a query (the journal's ?after=) and a signed POST with one (a reset).
            browser.driver.findElement(By.id("tab-journal")).click();
            wait(d -> rows().size() == 1 && rows().get(0).getText().contains("CreateWorkteam"));
            signed.listWorkteams(r -> { });
            wait(d -> rows().size() == 2);
            browser.driver.findElement(By.id("tab-state")).click();
            click(By.cssSelector("button[data-reset='123456789012/us-east-1']"));
            wait(d -> d.findElement(By.id("confirm")).isDisplayed());
            browser.driver.findElement(By.id("confirm-ok")).click();
            wait(d -> strict.control().state().workteamNames().isEmpty());
            assertThat(browser.driver.findElement(By.id("signin")).isDisplayed()).isFalse();
        } finally {
            browser.driver.executeScript("sessionStorage.clear()");
        }
    }

    @Test
    void thePageIsSmallAndFetchesNothingFromElsewhere() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long total = 0;
        for (String path : List.of("/_fake/ui", "/_fake/ui/console.js", "/_fake/ui/console.css")) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'"));
            assertThat(page.body()).doesNotContain("http://", "https://", "innerHTML", "insertAdjacentHTML",
                    "document.write", "eval(");
            total += page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        assertThat(total).isLessThan(150 * 1024);

        open("#view=state");
        waitFor(By.id("state-body"));
        Object resources = browser.driver.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(((List<?>) resources).stream().map(Object::toString).collect(Collectors.toList()))
                .allSatisfy(url -> assertThat(url).startsWith(server.endpoint().toString()));
    }

    @Test
    void worksFromTheKeyboard() {
        assertThatThrownBy(() -> sageMaker.describeWorkteam(r -> r.workteamName("missing-team")))
                .isInstanceOf(SageMakerException.class);
        open("#view=state");
        waitFor(By.id("tab-journal")).sendKeys(Keys.ENTER);
        wait(d -> rows().size() == 1);
        WebElement open = rows().get(0).findElement(By.cssSelector("button"));
        open.sendKeys(Keys.ENTER);
        wait(d -> d.findElement(By.id("journal-detail")).isDisplayed());
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("journal-detail");
        assertThat(browser.driver.getCurrentUrl()).contains("request=1");
        browser.driver.findElement(By.id("detail-close")).sendKeys(Keys.ENTER);
        wait(d -> !d.findElement(By.id("journal-detail")).isDisplayed());
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("DescribeWorkteam");
    }

    @Test
    void fitsAPhoneWithoutSidewaysScrolling() {
        createTeam(sageMaker, "a-team-with-a-rather-long-name-for-a-phone-screen", "d", "k", "v");
        assertThatThrownBy(() -> sageMaker.describeWorkteam(r -> r.workteamName("missing-team")))
                .isInstanceOf(SageMakerException.class);
        org.openqa.selenium.Dimension before = browser.driver.manage().window().getSize();
        try {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            open("#view=state");
            wait(d -> d.findElement(By.id("state-body")).getText().contains("a-team-with-a-rather-long-name"));
            assertNoSidewaysScrolling("state");
            open("#view=journal&request=2");
            wait(d -> d.findElement(By.id("detail-response")).getText().contains("ValidationException"));
            assertNoSidewaysScrolling("journal");
            open("#view=control");
            wait(d -> d.findElement(By.id("clock-now")).getText().startsWith("20"));
            assertNoSidewaysScrolling("control");
        } finally {
            browser.driver.manage().window().setSize(before);
        }
    }

    @Test
    void theSnapshotButtonsShowOnlyWhereTheServerServesSnapshots() throws Exception {
        int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.endpoint()
                + "/_fake/snapshot")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        open("#view=control");
        waitFor(By.cssSelector("#faults-empty"));
        wait(d -> d.findElement(By.id("clock-now")).getText().startsWith("20"));
        wait(d -> d.findElement(By.id("snapshot-section")).isDisplayed() == (status == 200));
    }

    /**
     * The snapshot buttons, against a stand-in for {@code /_fake/snapshot} in the page's fetch (it
     * records what the page asks): download asks for the region typed in, restore posts the file.
     */
    @Test
    @SuppressWarnings("unchecked")
    void snapshotDownloadAndRestoreUseTheSnapshotEndpoint(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        open("#view=state");
        waitFor(By.id("state-body"));
        browser.driver.executeScript("""
                window.__snapshotCalls = [];
                const real = window.fetch;
                window.fetch = async (url, init) => {
                  if (!String(url).startsWith('/_fake/snapshot')) return real(url, init);
                  const body = init && init.body ? new TextDecoder().decode(init.body) : null;
                  window.__snapshotCalls.push((init && init.method || 'GET') + ' ' + url + (body ? ' ' + body : ''));
                  return new Response('{"SnapshotVersion":1,"Regions":[]}', { status: 200 });
                };
                """);
        browser.driver.findElement(By.id("tab-control")).click();
        WebElement section = waitFor(By.id("snapshot-section"));
        wait(d -> section.isDisplayed());

        browser.driver.findElement(By.id("snapshot-download")).click();
        wait(d -> d.findElement(By.id("notice")).getText().equals("Snapshot downloaded"));

        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("snapshot.json"), "{\"Regions\":[]}");
        browser.driver.findElement(By.id("snapshot-file")).sendKeys(file.toString());
        browser.driver.findElement(By.id("snapshot-restore")).click();
        wait(d -> d.findElement(By.id("confirm")).isDisplayed());
        browser.driver.findElement(By.id("confirm-ok")).click();
        wait(d -> d.findElement(By.id("notice")).getText().equals("Snapshot restored"));

        assertThat((List<Object>) browser.driver.executeScript("return window.__snapshotCalls")).containsExactly(
                "GET /_fake/snapshot",
                "GET /_fake/snapshot?account=" + ACCOUNT + "&region=us-east-1",
                "POST /_fake/snapshot {\"Regions\":[]}");
    }

    // ------------------------------------------------------------------ helpers

    private void open(String hash) {
        browser.driver.get(server.endpoint() + "/_fake/ui" + hash);
    }

    /** Wide tables scroll inside their own frame; the page itself never scrolls sideways. */
    private static void assertNoSidewaysScrolling(String view) {
        assertThat(browser.driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as(view).isEqualTo(true);
    }

    private void signIn(String key, String secret) {
        WebElement keyField = browser.driver.findElement(By.id("signin-key"));
        keyField.clear();
        keyField.sendKeys(key);
        WebElement secretField = browser.driver.findElement(By.id("signin-secret"));
        secretField.clear();
        secretField.sendKeys(secret);
        browser.driver.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
    }

    private void raw(String target, String body) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Clicks an element the page may redraw at any poll: found afresh until the click lands. */
    private static void click(By by) {
        new WebDriverWait(browser.driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> {
                    d.findElement(by).click();
                    return true;
                });
    }

    private static List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#journal-rows tr"));
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private static void wait(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private static String jsonEscaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void createTeam(SageMakerClient client, String name, String description, String tagKey,
                                   String tagValue) {
        client.createWorkteam(r -> r.workteamName(name).description(description)
                .memberDefinitions(MemberDefinition.builder().cognitoMemberDefinition(c -> c
                        .userPool("us-east-1_abc123").clientId("client1").userGroup("group1")).build())
                .tags(t -> t.key(tagKey).value(tagValue)));
    }

    private static SageMakerClient client(SageMakerWorkforceServer server, String region, String key, String secret) {
        return SageMakerClient.builder().endpointOverride(server.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
                .build();
    }
}
