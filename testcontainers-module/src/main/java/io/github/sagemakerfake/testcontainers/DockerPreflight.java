package io.github.sagemakerfake.testcontainers;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

/**
 * Whether this machine can run the fake's container, decided within seconds, with the one setting
 * that fixes it when not. Left to itself, Testcontainers can hang for minutes where a Docker engine
 * exists but is unusable to it (a socket that never answers; a Ryuk or base image that cannot be
 * pulled; inside a container, a host-address lookup that pulls a helper image), or report only
 * "Could not find a valid Docker environment".
 *
 * <p>It talks to the engine's socket directly, with every request bounded in time, and never uses
 * Testcontainers' client: that client starts Ryuk on first use, which is one of the hangs. Where it
 * can, it fixes the situation instead of reporting it: an engine older than the Docker API version
 * Testcontainers asks for by default is used at its own version (the system property
 * {@code api.version}, set for this JVM unless given).
 *
 * <p>{@link SageMakerWorkforceContainer#start()} runs it and fails with its message. A test that
 * should be skipped without Docker: {@code DockerPreflight.check().ifPresent(problem -> ...abort...)}.
 * The answer is computed once per JVM, and a problem is also printed once to standard error, so it
 * shows in the build's console even where a test framework keeps skip reasons in its reports.
 */
public final class DockerPreflight {

    /** How long the engine may take to answer a request (its ping, its version, an image lookup). */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(3);
    /** A pull that sends no progress for this long is abandoned (a registry that cannot be reached). */
    static final Duration PULL_STALL_TIMEOUT = Duration.ofSeconds(8);
    /** The Docker API version Testcontainers 2.0 asks for when {@code api.version} is not set. */
    static final String TESTCONTAINERS_DEFAULT_API_VERSION = "1.44";
    static final String API_VERSION_PROPERTY = "api.version";
    static final String RYUK_DISABLED_ENV = "TESTCONTAINERS_RYUK_DISABLED";
    static final String HOST_OVERRIDE_ENV = "TESTCONTAINERS_HOST_OVERRIDE";
    private static final String PREFIX = "sagemaker-workforce-fake: ";

    private static volatile Optional<Problem> result;
    private static volatile String detectedBase;

    private DockerPreflight() {
    }

    /** Why the fake's container cannot run here, or empty when it can. */
    public static Optional<Problem> check() {
        Optional<Problem> r = result;
        if (r == null) {
            synchronized (DockerPreflight.class) {
                if (result == null) {
                    Outcome outcome = run(dockerHost(), Settings.fromEnvironment());
                    if (outcome.learnedApiVersion() != null && isBlank(System.getProperty(API_VERSION_PROPERTY))) {
                        System.setProperty(API_VERSION_PROPERTY, outcome.learnedApiVersion());
                        System.err.println(PREFIX + "the Docker engine speaks API " + outcome.learnedApiVersion()
                                + ", older than the " + TESTCONTAINERS_DEFAULT_API_VERSION + " Testcontainers asks for "
                                + "by default; this JVM uses " + API_VERSION_PROPERTY + "=" + outcome.learnedApiVersion()
                                + " (set -D" + API_VERSION_PROPERTY + " to choose another).");
                    }
                    if (outcome.problem() != null) {
                        System.err.println(PREFIX + "Docker preflight: " + outcome.problem().message());
                    }
                    result = Optional.ofNullable(outcome.problem());
                }
                r = result;
            }
        }
        return r;
    }

    /**
     * A reason the container cannot run.
     *
     * @param noEngine true when there is no Docker engine at all (a test may skip), false when an
     *                 engine exists but is unusable as configured (a setting fixes it)
     * @param message  what is wrong and the setting that fixes it, with the snippet for a build
     */
    public record Problem(boolean noEngine, String message) {
    }

    /** What the checks need from the environment, gathered in one place so tests can vary it. */
    record Settings(String requestedApiVersion, boolean ryukDisabled, String ryukImage, boolean insideContainer,
                    String hostOverride, String explicitBaseImage, Duration answerTimeout, Duration pullStall) {

        static Settings fromEnvironment() {
            return new Settings(DockerPreflight.requestedApiVersion(), Boolean.parseBoolean(System.getenv(RYUK_DISABLED_ENV)),
                    DockerPreflight.ryukImage(), new File("/.dockerenv").exists(), System.getenv(HOST_OVERRIDE_ENV),
                    SageMakerWorkforceImage.explicitBaseImage(), ANSWER_TIMEOUT, PULL_STALL_TIMEOUT);
        }
    }

    /** The problem (or null), the API version learned from the engine (or null), and the base image checked. */
    record Outcome(Problem problem, String learnedApiVersion, String baseImage) {
    }

    /** The checks against this Docker host (a DOCKER_HOST value). */
    static Outcome run(String host, Settings settings) {
        DockerEngine engine = DockerEngine.at(host);
        if (engine == null) {
            return new Outcome(null, null, null);   // npipe, https and the like: left to Testcontainers
        }
        if (engine.isUnix() && !new File(engine.socketPath()).exists()) {
            return problem(true, "No Docker engine: " + host + " does not exist. Start a Docker engine, or point "
                    + "DOCKER_HOST at one.");
        }

        // 1. Something answers, and it is a Docker engine.
        DockerEngine.Answer ping;
        try {
            ping = engine.get("/_ping", settings.answerTimeout());
        } catch (DockerEngine.Stalled e) {
            return problem(false, "The Docker engine at " + host + " accepts connections but did not answer a ping "
                    + "within " + settings.answerTimeout().toSeconds() + " s. Start a working engine there, or point "
                    + "DOCKER_HOST at one.");
        } catch (DockerEngine.NotHttp e) {
            return problem(false, "What answers at " + host + " is not a Docker engine (its answer to GET /_ping: \""
                    + e.getMessage() + "\"). Point DOCKER_HOST at a Docker engine.");
        } catch (IOException e) {
            return problem(true, "No Docker engine answers at " + host + " (" + e.getMessage() + "). Start a Docker "
                    + "engine, or point DOCKER_HOST at one.");
        }
        if (!ping.ok()) {
            return problem(false, "What answers at " + host + " is not a Docker engine (GET /_ping answered HTTP "
                    + ping.status() + "). Point DOCKER_HOST at a Docker engine.");
        }

        // 2. The API version: Testcontainers' default may be newer than the engine speaks.
        String learned = null;
        String engineApi = ping.header("api-version");
        String minApi = null;
        try {
            DockerEngine.Answer version = engine.get("/version", settings.answerTimeout());
            engineApi = field(version.body(), "ApiVersion", engineApi);
            minApi = field(version.body(), "MinAPIVersion", null);
        } catch (DockerEngine.Stalled e) {
            // Stop here: every later request would wait as long, and the answer must come within seconds.
            return problem(false, "The Docker engine at " + host + " answers its ping but not GET /version within "
                    + settings.answerTimeout().toSeconds() + " s. Restart it, or point DOCKER_HOST at a working one.");
        } catch (IOException e) {
            // the ping's header is enough
        }
        if (engineApi != null && engineApi.matches("\\d+\\.\\d+")) {
            String requested = settings.requestedApiVersion();
            if (requested == null) {
                if (compareVersions(engineApi, TESTCONTAINERS_DEFAULT_API_VERSION) < 0) {
                    learned = engineApi;
                }
            } else if (requested.matches("\\d+\\.\\d+") && compareVersions(requested, engineApi) > 0
                    || (requested.matches("\\d+\\.\\d+") && minApi != null && minApi.matches("\\d+\\.\\d+")
                        && compareVersions(requested, minApi) < 0)) {
                String use = compareVersions(requested, engineApi) > 0 ? engineApi : minApi;
                return problem(false, "The Docker engine at " + host + " speaks Docker API " + (minApi == null ? ""
                        : minApi + " to ") + engineApi + ", but " + API_VERSION_PROPERTY + "=" + requested + " asks for "
                        + requested + ". Set the test JVM's system property " + API_VERSION_PROPERTY + "=" + use
                        + ": " + systemPropertySnippet(API_VERSION_PROPERTY, use) + ".");
            }
        }

        // 3. Inside a container, Testcontainers would start a helper container to find the host's address.
        if (engine.isUnix() && settings.insideContainer() && isBlank(settings.hostOverride())
                && !bridgeHasGateway(engine, settings.answerTimeout())) {
            return new Outcome(new Problem(false, "This JVM runs inside a container (/.dockerenv) whose Docker bridge "
                    + "network has no gateway, so Testcontainers would look up the host's address by starting a "
                    + "helper container, which hangs without a registry. Set the environment variable "
                    + HOST_OVERRIDE_ENV + " to the address where the containers' ports answer (localhost when the "
                    + "Docker engine runs in this same container): " + environmentSnippet(HOST_OVERRIDE_ENV, "localhost")
                    + "."), learned, null);
        }

        // 4. Ryuk: Testcontainers starts it with its first container; its image must be here or pullable.
        if (!settings.ryukDisabled() && settings.ryukImage() != null) {
            String why = imageMissing(engine, settings.ryukImage(), settings);
            if (why != null) {
                return new Outcome(new Problem(false, "Testcontainers starts its Ryuk container (the image "
                        + settings.ryukImage() + ") with the first container, and that image is not in the Docker "
                        + "engine and cannot be pulled (" + why + "). Disable Ryuk with the environment variable "
                        + RYUK_DISABLED_ENV + "=true (Testcontainers reads no system property for it): "
                        + environmentSnippet(RYUK_DISABLED_ENV, "true") + ". Or load the image into the engine "
                        + "(docker save on a connected machine, docker load here)."), learned, null);
            }
        }

        // 5. The base image of the fake's image.
        String base = settings.explicitBaseImage() != null ? settings.explicitBaseImage()
                : detectBaseImage(engine, settings.answerTimeout());
        String why = imageMissing(engine, base, settings);
        if (why != null) {
            String fix = settings.explicitBaseImage() != null
                    ? "It was chosen by " + SageMakerWorkforceImage.BASE_IMAGE_PROPERTY + " or "
                    + SageMakerWorkforceImage.BASE_IMAGE_ENV + ": load that image into the engine, or choose another."
                    : "Without a registry, build the registry-free base with docker/base-image/make-base-image.sh "
                    + "(in this project's repository; it makes " + SageMakerWorkforceImage.AIR_GAPPED_BASE_IMAGE
                    + " from the local JDK, with no registry), which is then found without any setting; or name a "
                    + "Java 17 image the engine has: " + systemPropertySnippet(SageMakerWorkforceImage.BASE_IMAGE_PROPERTY,
                    "<image>") + ", or the environment variable " + SageMakerWorkforceImage.BASE_IMAGE_ENV + ".";
            return new Outcome(new Problem(false, "The base image " + base + " is not in the Docker engine and cannot "
                    + "be pulled (" + why + "). " + fix + " See docs/container.md, \"Air-gapped machines\"."), learned, base);
        }
        return new Outcome(null, learned, base);
    }

    /**
     * The base image to build on when none is chosen: the default ({@value SageMakerWorkforceImage#DEFAULT_BASE_IMAGE})
     * unless the engine lacks it and has the registry-free {@value SageMakerWorkforceImage#AIR_GAPPED_BASE_IMAGE}.
     * Decided once per JVM, within seconds; without an engine to ask, the default.
     */
    static String detectedBaseImage() {
        String base = detectedBase;
        if (base == null) {
            DockerEngine engine = DockerEngine.at(dockerHost());
            base = engine == null || (engine.isUnix() && !new File(engine.socketPath()).exists())
                    ? SageMakerWorkforceImage.DEFAULT_BASE_IMAGE : detectBaseImage(engine, ANSWER_TIMEOUT);
            detectedBase = base;
        }
        return base;
    }

    private static String detectBaseImage(DockerEngine engine, Duration timeout) {
        try {
            if (!engine.hasImage(SageMakerWorkforceImage.DEFAULT_BASE_IMAGE, timeout)
                    && engine.hasImage(SageMakerWorkforceImage.AIR_GAPPED_BASE_IMAGE, timeout)) {
                return SageMakerWorkforceImage.AIR_GAPPED_BASE_IMAGE;
            }
        } catch (IOException e) {
            // cannot ask: the default, and the checks say what is wrong
        }
        return SageMakerWorkforceImage.DEFAULT_BASE_IMAGE;
    }

    /** Null when the engine has the image or pulls it; else why not. */
    private static String imageMissing(DockerEngine engine, String image, Settings settings) {
        try {
            if (engine.hasImage(image, settings.answerTimeout())) {
                return null;
            }
        } catch (IOException e) {
            return "the engine did not answer whether it has it: " + e.getMessage();
        }
        DockerImageName name;
        try {
            name = DockerImageName.parse(image);
        } catch (RuntimeException e) {
            return "not an image name: " + e.getMessage();
        }
        String tag = name.getVersionPart();
        return engine.pull(name.getUnversionedPart(), tag == null || tag.isBlank() ? "latest" : tag, settings.pullStall());
    }

    /** The Maven and Gradle ways to set a system property for the test JVM. */
    static String systemPropertySnippet(String name, String value) {
        return "mvn -D" + name + "=" + value + " ..., or in the POM <plugin><artifactId>maven-surefire-plugin</artifactId>"
                + "<configuration><systemPropertyVariables><" + name + ">" + value + "</" + name + ">"
                + "</systemPropertyVariables></configuration></plugin> (the same under maven-failsafe-plugin for *IT "
                + "classes); Gradle: test { systemProperty '" + name + "', '" + value + "' }";
    }

    /** The shell, Maven and Gradle ways to set an environment variable for the test JVM. */
    static String environmentSnippet(String name, String value) {
        return "export " + name + "=" + value + " before the build, or in the POM <plugin><artifactId>"
                + "maven-surefire-plugin</artifactId><configuration><environmentVariables><" + name + ">" + value
                + "</" + name + "></environmentVariables></configuration></plugin> (the same under "
                + "maven-failsafe-plugin for *IT classes); Gradle: test { environment '" + name + "', '" + value + "' }";
    }

    private static Outcome problem(boolean noEngine, String message) {
        return new Outcome(new Problem(noEngine, message), null, null);
    }

    /** The API version docker-java will ask for: the system property, else ~/.docker-java.properties; null for the default. */
    private static String requestedApiVersion() {
        String fromProperty = System.getProperty(API_VERSION_PROPERTY);
        if (!isBlank(fromProperty)) {
            return fromProperty.strip();
        }
        File file = new File(System.getProperty("user.home"), ".docker-java.properties");
        if (file.isFile()) {
            Properties p = new Properties();
            try (InputStream in = new FileInputStream(file)) {
                p.load(in);
                String fromFile = p.getProperty(API_VERSION_PROPERTY);
                return isBlank(fromFile) ? null : fromFile.strip();
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    /** The Ryuk image Testcontainers 2.0 starts (its RyukContainer names this one). */
    static final String RYUK_IMAGE = "testcontainers/ryuk:0.13.0";

    /** The Ryuk image Testcontainers would start, after its image-name substitution (ryuk.container.image, a prefix). */
    private static String ryukImage() {
        try {
            return ImageNameSubstitutor.instance().apply(DockerImageName.parse(RYUK_IMAGE)).asCanonicalNameString();
        } catch (RuntimeException | LinkageError e) {
            return null;    // a Testcontainers this code does not know: leave Ryuk to it
        }
    }

    static String dockerHost() {
        String fromEnv = System.getenv("DOCKER_HOST");
        if (!isBlank(fromEnv)) {
            return fromEnv;
        }
        String fromProperty = System.getProperty("docker.host");
        return isBlank(fromProperty) ? "unix:///var/run/docker.sock" : fromProperty;
    }

    private static final Pattern GATEWAY = Pattern.compile("\"Gateway\"\\s*:\\s*\"[^\"]+\"");

    /** Whether the engine's bridge network names a gateway (then Testcontainers takes it as the host). */
    private static boolean bridgeHasGateway(DockerEngine engine, Duration timeout) {
        try {
            return GATEWAY.matcher(engine.get("/networks/bridge", timeout).body()).find();
        } catch (IOException e) {
            return false;
        }
    }

    private static String field(String json, String name, String otherwise) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : otherwise;
    }

    /** Compares "major.minor" API versions numerically. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i].replaceAll("\\D", "0")) : 0;
            int q = i < y.length ? Integer.parseInt(y[i].replaceAll("\\D", "0")) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
