package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;

/** Each setting from its three levels: the annotation, the configuration parameter, the built-in default. */
class ConfigurationTest {

    static final Map<String, String> PARAMETERS = Map.of(
            "sagemaker.fake.region", "eu-central-1",
            "sagemaker.fake.account", "210987654321",
            "sagemaker.fake.maxWorkteams", "2",
            "sagemaker.fake.lifecycle", "TIMED(PT1H)",
            "sagemaker.fake.transport", "in_process");

    @Test
    void builtInDefaultsAreTheServicesBehaviour() {
        TestKit.assertAllPassed(TestKit.run(Unconfigured.class), 1);
    }

    @Test
    void configurationParametersApplyWhereTheAnnotationSaysNothing() {
        TestKit.assertAllPassed(TestKit.run(PARAMETERS, ConfiguredByParameters.class), 1);
    }

    @Test
    void theAnnotationBeatsConfigurationParameters() {
        TestKit.assertAllPassed(TestKit.run(PARAMETERS, ConfiguredByAnnotation.class), 1);
    }

    @Test
    void theNewSettingsComeFromConfigurationParametersToo() {
        TestKit.assertAllPassed(TestKit.run(Map.of(
                "sagemaker.fake.maxCidrs", "3",
                "sagemaker.fake.maxTagsPerResource", "4",
                "sagemaker.fake.frozenClock", "2030-06-01T12:00:00Z"), NewSettingsByParameters.class), 1);
        assertThat(MisuseTest.misuse(TestKit.run(Map.of("sagemaker.fake.frozenClock", "tomorrow"), Unconfigured.class)))
                .hasMessageContaining("configuration parameter sagemaker.fake.frozenClock=tomorrow: 'tomorrow' is not "
                        + "an instant: write ISO-8601 in UTC, such as \"2024-01-01T00:00:00Z\"");
    }

    @Test
    void theConfigurationIsResolvedOncePerClassAndKeptInItsStore() {
        ConfigurationSpy.seen.clear();
        TestKit.assertAllPassed(TestKit.run(Spied.class), 3);
        assertThat(ConfigurationSpy.seen).hasSize(4).containsOnly(ConfigurationSpy.seen.get(0));
    }

    /** Reads the configuration the extension keeps, in beforeAll and in each test's beforeEach. */
    static final class ConfigurationSpy implements org.junit.jupiter.api.extension.BeforeAllCallback,
            org.junit.jupiter.api.extension.BeforeEachCallback {
        static final java.util.List<FakeConfiguration> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) {
            seen.add(FakeConfiguration.resolve(context, ProgrammaticSettings.NONE));
        }

        @Override
        public void beforeEach(org.junit.jupiter.api.extension.ExtensionContext context) {
            seen.add(FakeConfiguration.resolve(context, ProgrammaticSettings.NONE));
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(seed = "/seeds/global.json")
    @org.junit.jupiter.api.extension.ExtendWith(ConfigurationSpy.class)
    static class Spied {
        @org.junit.jupiter.api.RepeatedTest(3)
        void test(FakeControl fake) {
            assertThat(fake.state().workteamNames()).containsExactly("global");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class NewSettingsByParameters {
        @Test
        void test(FakeControl fake, SageMakerClient client) {
            assertThat(fake.now()).isEqualTo(java.time.Instant.parse("2030-06-01T12:00:00Z"));
            assertThatThrownBy(() -> client.createWorkforce(r -> r.workforceName("wf")
                    .cognitoConfig(c -> c.userPool(Teams.USER_POOL).clientId(Teams.CLIENT_ID))
                    .sourceIpConfig(ip -> ip.cidrs("10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"))))
                    .hasMessageContaining("a workforce allows at most 3");
        }
    }

    @Test
    void theDeprecatedProvisioningDelayAcceptsMillisecondsAsATimedLifecycle() {
        TestKit.assertAllPassed(TestKit.run(DelayInMilliseconds.class), 1);
    }

    @Test
    void theLifecycleComesFromTheAnnotationAndNestedClassesInheritIt() {
        TestKit.assertAllPassed(TestKit.run(Map.of("sagemaker.fake.lifecycle", "IMMEDIATE"), ObservedTwice.class), 2);
    }

    @Test
    void theLifecycleParameterAcceptsTheColonForm() {
        TestKit.assertAllPassed(TestKit.run(Map.of("sagemaker.fake.lifecycle", "observed:2"), ObservedTwiceByParameter.class), 1);
    }

    @Test
    void aBadLifecycleOrBothSettingsFailNamingTheSource() {
        assertThat(MisuseTest.misuse(TestKit.run(Map.of("sagemaker.fake.lifecycle", "SLOW"), Unconfigured.class)))
                .hasMessageContaining("configuration parameter sagemaker.fake.lifecycle=SLOW: A lifecycle is IMMEDIATE, "
                        + "OBSERVED(n)");
        assertThat(MisuseTest.misuse(InvalidLifecycle.class))
                .hasMessageContaining("@SageMakerWorkforceTest(lifecycle = \"OBSERVED(0)\") on "
                        + InvalidLifecycle.class.getName())
                .hasMessageContaining("use IMMEDIATE");
        assertThat(MisuseTest.misuse(TestKit.run(Map.of("sagemaker.fake.provisioningDelay", "PT1S"),
                InvalidLifecycle.BothSettings.class)))
                .hasMessageContaining("@SageMakerWorkforceTest(lifecycle = \"TIMED(PT1S)\") on "
                        + InvalidLifecycle.BothSettings.class.getName() + " and configuration parameter "
                        + "sagemaker.fake.provisioningDelay=PT1S both set the lifecycle");
    }

    @Test
    void parsesDurationsAsIsoOrMilliseconds() {
        assertThat(FakeConfiguration.parseDuration("PT5S")).isEqualTo(Duration.ofSeconds(5));
        assertThat(FakeConfiguration.parseDuration("pt0.25s")).isEqualTo(Duration.ofMillis(250));
        assertThat(FakeConfiguration.parseDuration("1500")).isEqualTo(Duration.ofMillis(1500));
        assertThat(FakeConfiguration.parseDuration("0")).isZero();
        assertThatThrownBy(() -> FakeConfiguration.parseDuration("5 seconds"))
                .hasMessageContaining("\"PT5S\"").hasMessageContaining("\"5000\"");
        assertThatThrownBy(() -> FakeConfiguration.parseDuration("PT-1S")).hasMessageContaining("negative");
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class Unconfigured {
        @Test
        void usesTheServiceDefaults(SageMakerClient sageMaker, SageMakerFakeRuntime runtime, FakeControl fake) {
            assertThat(runtime.region()).isEqualTo("us-east-1");
            assertThat(runtime.account()).isEqualTo("123456789012");
            assertThat(runtime.transport()).isEqualTo(Transport.IN_PROCESS);
            Teams.createWorkforce(sageMaker, "crowd");
            // OBSERVED(1): the first read shows Initializing, the next Active; snapshots do not count as reads.
            assertThat(fake.state().workforce().orElseThrow().status()).isEqualTo("Initializing");
            assertThat(sageMaker.describeWorkforce(r -> r.workforceName("crowd")).workforce().statusAsString())
                    .isEqualTo("Initializing");
            assertThat(sageMaker.describeWorkforce(r -> r.workforceName("crowd")).workforce().statusAsString())
                    .isEqualTo("Active");
            for (int i = 1; i <= 25; i++) {
                Teams.create(sageMaker, "team-" + i);
            }
            assertThatThrownBy(() -> Teams.create(sageMaker, "team-26"))
                    .isInstanceOf(ResourceLimitExceededException.class);
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class ConfiguredByParameters {
        @Test
        void usesTheParameters(SageMakerClient sageMaker, SageMakerFakeRuntime runtime, FakeControl fake) {
            assertThat(runtime.region()).isEqualTo("eu-central-1");
            assertThat(runtime.account()).isEqualTo("210987654321");
            assertThat(fake.defaultRegion()).isEqualTo("eu-central-1");
            assertThat(fake.defaultAccount()).isEqualTo("210987654321");
            sageMaker.createWorkforce(r -> r.workforceName("crowd")
                    .cognitoConfig(c -> c.userPool("eu-central-1_abc123").clientId(Teams.CLIENT_ID)));
            assertThat(fake.state().workforce().orElseThrow().status()).isEqualTo("Initializing");
            fake.advanceClock(Duration.ofHours(1));
            assertThat(fake.state().workforce().orElseThrow().status()).isEqualTo("Active");
            assertThat(fake.state().workforce().orElseThrow().arn())
                    .isEqualTo("arn:aws:sagemaker:eu-central-1:210987654321:workforce/crowd");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(region = "us-west-2", account = "444455556666", maxWorkteams = 1,
            lifecycle = "IMMEDIATE", transport = Transport.IN_PROCESS)
    static class ConfiguredByAnnotation {
        @Test
        void usesTheAnnotation(SageMakerClient sageMaker, SageMakerFakeRuntime runtime, FakeControl fake) {
            assertThat(runtime.region()).isEqualTo("us-west-2");
            assertThat(runtime.account()).isEqualTo("444455556666");
            sageMaker.createWorkforce(r -> r.workforceName("crowd")
                    .cognitoConfig(c -> c.userPool("us-west-2_abc123").clientId(Teams.CLIENT_ID)));
            assertThat(fake.state().workforce().orElseThrow().status()).isEqualTo("Active");
            Teams.create(sageMaker, "one", "us-west-2_abc123");
            assertThatThrownBy(() -> Teams.create(sageMaker, "two", "us-west-2_abc123"))
                    .isInstanceOf(ResourceLimitExceededException.class);
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(lifecycle = "OBSERVED(2)")
    static class ObservedTwice {
        @Test
        void showsInitializingToTwoReads(SageMakerClient sageMaker) {
            assertObservedTwice(sageMaker);
        }

        @Nested
        class Inner {
            @Test
            void inheritsTheLifecycle(SageMakerClient sageMaker) {
                assertObservedTwice(sageMaker);
            }
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class ObservedTwiceByParameter {
        @Test
        void showsInitializingToTwoReads(SageMakerClient sageMaker) {
            assertObservedTwice(sageMaker);
        }
    }

    static void assertObservedTwice(SageMakerClient sageMaker) {
        Teams.createWorkforce(sageMaker, "crowd");
        for (String expected : new String[] {"Initializing", "Initializing", "Active"}) {
            assertThat(sageMaker.describeWorkforce(r -> r.workforceName("crowd")).workforce().statusAsString())
                    .isEqualTo(expected);
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(lifecycle = "OBSERVED(0)")
    static class InvalidLifecycle {
        @Test
        void test() {
        }

        @TestKitOnly
        @SageMakerWorkforceTest(lifecycle = "TIMED(PT1S)")
        static class BothSettings {
            @Test
            void test() {
            }
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(provisioningDelay = "3600000")
    static class DelayInMilliseconds {
        @Test
        void waitsForTheFakeClock(SageMakerClient sageMaker, FakeControl fake) {
            // an hour: the fake clock follows the wall clock too, so a short delay could pass by itself
            Teams.createWorkforce(sageMaker, "crowd");
            assertThat(fake.state().workforce().orElseThrow().status()).isEqualTo("Initializing");
            fake.advanceClock(Duration.ofHours(1));
            assertThat(fake.state().workforce().orElseThrow().status()).isEqualTo("Active");
        }
    }
}
