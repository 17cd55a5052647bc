package io.github.sagemakerfake.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven by Selenium, from the machine's own packages (Debian's
 * {@code chromium} and {@code chromium-driver}): the driver and the browser are named, so Selenium
 * Manager never looks for, let alone downloads, anything. Where they are missing the tests skip
 * with the reason, except where {@code SAGEMAKER_FAKE_REQUIRE_BROWSER=true} (CI sets it): there
 * they fail, naming what to install.
 */
final class Browser implements AutoCloseable {

    static final String REQUIRE = "SAGEMAKER_FAKE_REQUIRE_BROWSER";
    private static final String CHROMIUM = setting("console.chromium", "SAGEMAKER_FAKE_CHROMIUM", "/usr/bin/chromium");
    private static final String DRIVER = setting("console.chromedriver", "SAGEMAKER_FAKE_CHROMEDRIVER",
            "/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips (or, in CI, fails) when the browser or its driver is not installed. */
    static void requireInstalled() {
        String missing = !new File(CHROMIUM).canExecute() ? "the browser " + CHROMIUM
                : !new File(DRIVER).canExecute() ? "the driver " + DRIVER : null;
        if (missing == null) {
            return;
        }
        String message = "The web console tests need a headless Chromium, but " + missing + " is missing: install "
                + "Debian's packages with `apt-get install -y chromium chromium-driver` (or name other paths with "
                + "-Dconsole.chromium=... -Dconsole.chromedriver=...)";
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE))) {
            throw new AssertionError(message + ". " + REQUIRE + "=true forbids skipping them.");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }

    static Browser start(int width, int height) {
        Path profile;
        try {
            profile = Files.createTempDirectory("console-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-default-apps", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        // Downloads (the console's snapshot button) go to the throwaway profile, not the user's home.
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", profile.resolve("downloads").toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return new Browser(driver, profile);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
