package io.github.sagemakerfake.testcontainers;

import io.github.sagemakerfake.internal.remote.ServerOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The fake's image, built locally from the server jar shipped inside this artifact, on a base
 * image that has a Java 17 runtime. No registry is needed beyond the base image, and with the
 * air-gapped base (see docs/container.md) none at all.
 *
 * <p>The base image is, in order: the one passed to {@link #onBase(String)}, the system property
 * {@value #BASE_IMAGE_PROPERTY}, the environment variable {@value #BASE_IMAGE_ENV}, then
 * {@value #DEFAULT_BASE_IMAGE}, unless the Docker engine lacks that one and has the registry-free
 * {@value #AIR_GAPPED_BASE_IMAGE} (made by the project's docker/base-image/make-base-image.sh), which
 * is then used without any setting.
 */
public final class SageMakerWorkforceImage {

    /** The image name every container of this module is compatible with. */
    public static final DockerImageName IMAGE_NAME = DockerImageName.parse("sagemaker-workforce-fake");
    public static final String BASE_IMAGE_PROPERTY = "sagemaker.fake.baseImage";
    public static final String BASE_IMAGE_ENV = "SAGEMAKER_FAKE_BASE_IMAGE";
    /** For users with registry access: a small official Java 17 runtime. */
    public static final String DEFAULT_BASE_IMAGE = "eclipse-temurin:17-jre-alpine";
    /** The registry-free base that docker/base-image/make-base-image.sh makes (docs/container.md). */
    public static final String AIR_GAPPED_BASE_IMAGE = "sagemaker-workforce-fake-base:17";
    /** The port the server listens on inside the container. */
    public static final int PORT = 9324;
    /** The non-root user the server runs as. */
    public static final String USER = "10001:10001";

    private static final String JAR_RESOURCE = "sagemaker-workforce-fake-server.jar";
    private static final ConcurrentHashMap<String, Future<String>> BUILT = new ConcurrentHashMap<>();

    private SageMakerWorkforceImage() {
    }

    /** The library's own version, which is also the image tag, so library and image never skew. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = SageMakerWorkforceImage.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the Testcontainers module");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    /** {@code sagemaker-workforce-fake:<library version>}. */
    public static DockerImageName defaultImageName() {
        return IMAGE_NAME.withTag(version());
    }

    /**
     * The base image chosen by property or environment; else the default, or the registry-free
     * {@value #AIR_GAPPED_BASE_IMAGE} where the engine has only that one.
     */
    public static String baseImage() {
        String explicit = explicitBaseImage();
        return explicit != null ? explicit : DockerPreflight.detectedBaseImage();
    }

    /** The base image named by the system property or the environment variable, or null. */
    static String explicitBaseImage() {
        String fromProperty = System.getProperty(BASE_IMAGE_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        String fromEnv = System.getenv(BASE_IMAGE_ENV);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : null;
    }

    /** The image on the configured base, built at most once per JVM (and from Docker's cache after that). */
    public static Future<String> build() {
        return onBase(baseImage());
    }

    /** The image on the given base, which must provide {@code java} (17+) on its PATH; built at most once per JVM. */
    public static Future<String> onBase(String baseImage) {
        return BUILT.computeIfAbsent(baseImage, SageMakerWorkforceImage::imageOn);
    }

    /** The container's JVM flags, chosen by measurement (docs/benchmarks.md). */
    static final String[] JVM_FLAGS = {"java", "-XX:+UseSerialGC", "-Xms16m", "-Xmx64m", "-Xss512k",
        "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=32m", "-XX:MaxDirectMemorySize=32m",
        "-XX:MaxMetaspaceSize=64m", "-Xshare:auto"};

    private static String[] quoted(String[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = "\"" + values[i] + "\"";
        }
        return out;
    }

    private static ImageFromDockerfile imageOn(String baseImage) {
        byte[] jar = serverJar();
        String home = "/opt/sagemaker-workforce-fake";
        String dockerfile = String.join("\n",
                "FROM " + baseImage,
                "COPY server.jar " + home + "/server.jar",
                // Before the warm-up, so that it reads the settings the container starts with.
                "ENV " + ServerOption.HOST.environmentVariable() + "=0.0.0.0 " + ServerOption.PORT.environmentVariable() + "="
                        + PORT,
                // Class-data sharing: record the classes a real start loads (--warm-up starts the
                // server as it always does, on a free loopback port, serves a few requests and
                // stops), then dump them into an archive the JVM maps at start instead of loading
                // and verifying each class (docs/container.md, measured in docs/benchmarks.md).
                // Exec form: the base image may have no shell.
                "RUN [\"java\", \"-XX:DumpLoadedClassList=/tmp/server.classes\", \"-jar\", \"" + home
                        + "/server.jar\", \"--warm-up\"]",
                "RUN [\"java\", \"-Xshare:dump\", \"-XX:SharedClassListFile=/tmp/server.classes\", "
                        + "\"-XX:SharedArchiveFile=" + home + "/server.jsa\", \"-cp\", \"" + home + "/server.jar\"]",
                "USER " + USER,
                "EXPOSE " + PORT,
                // The flags are measured (docs/benchmarks.md): the serial collector and a small fixed
                // heap keep the footprint near the 12 MB live set; C1 only, since start-up is what
                // users feel; direct memory and code cache bounded.
                "ENTRYPOINT [" + String.join(", ", quoted(JVM_FLAGS)) + ", \"-XX:SharedArchiveFile=" + home
                        + "/server.jsa\", \"-jar\", \"" + home + "/server.jar\"]",
                "");
        return new ImageFromDockerfile(builtImageName(jar).asCanonicalNameString(), false)
                .withFileFromTransferable("server.jar", Transferable.of(jar))
                .withFileFromString("Dockerfile", dockerfile);
    }

    /**
     * The tag of a locally built image: the library version, and for a {@code -SNAPSHOT} also the
     * jar's content hash. A snapshot's jar changes from build to build; with one tag for all of
     * them, two builds (two checkouts, or a rebuilt jar while a test runs) would race to own it
     * and a container could start the other build's server.
     */
    static DockerImageName builtImageName(byte[] jar) {
        String version = version();
        if (!version.endsWith("-SNAPSHOT")) {
            return defaultImageName();
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(jar);
            return IMAGE_NAME.withTag(version + "-" + java.util.HexFormat.of().formatHex(hash, 0, 6));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] serverJar() {
        try (InputStream in = SageMakerWorkforceImage.class.getResourceAsStream(JAR_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The server jar " + JAR_RESOURCE + " is missing from the Testcontainers "
                        + "module's classpath. Build the project with 'mvn package' so core's server jar is shipped.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
