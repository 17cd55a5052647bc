package consumer;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatJournal;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatSageMakerCall;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;

/**
 * What a user's test does: the extension injects a genuine SDK client, the assertions check the
 * fake. Every consumer project of consumer-tests compiles and runs this one source; afterwards its
 * verify.groovy reads target/consumer-versions.properties to check the versions it really ran on.
 */
@SageMakerWorkforceTest(maxWorkteams = 2)
class ConsumerTest {

    @Test
    void theExtensionInjectsAClientAndTheAssertionsSeeTheFake(SageMakerClient sageMaker, FakeControl fake) {
        sageMaker.createWorkteam(team("alpha"));
        sageMaker.createWorkteam(team("beta"));

        assertThatSageMakerCall(() -> sageMaker.createWorkteam(team("gamma"))).isResourceLimitExceeded();
        assertThatSageMakerCall(() -> sageMaker.describeWorkteam(r -> r.workteamName("nobody")))
                .isNotFoundQuirk()
                .hasErrorCode("ValidationException");
        assertThat(fake).hasWorkteamCount(2).hasWorkteam("alpha").hasMemberGroupsExactly("alpha");
        assertThatJournal(fake).hasCalledTimes("CreateWorkteam", 3);
    }

    @Test
    void theFakeWorksWithoutTheExtensionToo() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder().maxWorkteams(1).build()) {
            SageMakerClient sageMaker = fake.client();
            sageMaker.createWorkteam(team("solo"));
            assertThatSageMakerCall(() -> sageMaker.createWorkteam(team("duo"))).isResourceLimitExceeded();
            assertThat(fake).hasWorkteamCount(1).hasWorkteam("solo");
        }
    }

    @AfterAll
    static void recordTheVersionsThisRanOn() throws IOException {
        Properties versions = new Properties();
        versions.setProperty("junit", implementationVersion(Test.class));
        versions.setProperty("junit.engine", implementationVersion(
                classNamed("org.junit.jupiter.engine.JupiterTestEngine")));
        versions.setProperty("assertj", jarVersion(org.assertj.core.api.Assertions.class, "assertj-core-"));
        versions.setProperty("sdk", sdkVersion());
        Path file = Path.of("target", "consumer-versions.properties");
        try (var out = Files.newOutputStream(file)) {
            versions.store(out, "written by ConsumerTest");
        }
    }

    static String sdkVersion() {
        try {   // reflectively: the field is a constant, which javac would inline
            return String.valueOf(classNamed("software.amazon.awssdk.core.util.VersionInfo")
                    .getField("SDK_VERSION").get(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Class<?> classNamed(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static String implementationVersion(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    /** AssertJ's manifest has no Implementation-Version: the version in its jar's file name. */
    static String jarVersion(Class<?> type, String prefix) {
        String jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath()).getFileName().toString();
        return jar.startsWith(prefix) && jar.endsWith(".jar")
                ? jar.substring(prefix.length(), jar.length() - ".jar".length()) : "unknown (" + jar + ")";
    }

    static CreateWorkteamRequest team(String name) {
        return CreateWorkteamRequest.builder()
                .workteamName(name)
                .description("Labelers")
                .memberDefinitions(MemberDefinition.builder().cognitoMemberDefinition(c -> c
                        .userPool("us-east-1_AbC123").clientId("app-client").userGroup(name)).build())
                .build();
    }
}
