package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Isolation;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** Every misuse fails fast with an ExtensionConfigurationException that says how to fix it. */
class MisuseTest {

    /** The ExtensionConfigurationException behind the run's only failure (JUnit wraps it for parameters). */
    static ExtensionConfigurationException misuse(EngineExecutionResults results) {
        Throwable failure = TestKit.onlyFailure(results);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ExtensionConfigurationException e) {
                return e;
            }
        }
        throw new AssertionError("expected an ExtensionConfigurationException, got " + failure, failure);
    }

    static ExtensionConfigurationException misuse(Class<?> testClass) {
        return misuse(TestKit.run(testClass));
    }

    @Test
    void finalField() {
        assertThat(misuse(FinalField.class)).hasMessageContaining(
                "field 'SageMakerClient client' of " + FinalField.class.getName() + " is final, so it cannot be "
                        + "injected. Remove 'final', or take the value as a constructor parameter");
    }

    @Test
    void fieldOfAnUnsupportedType() {
        assertThat(misuse(UnsupportedField.class))
                .hasMessageContaining("field 'String name'")
                .hasMessageContaining("java.lang.String cannot be injected by @SageMakerWorkforceTest. Supported types: "
                        + "SageMakerClient, SageMakerAsyncClient, FakeControl, SageMakerWorkforceFake, "
                        + "SageMakerFakeRuntime, and java.net.URI annotated @SageMakerEndpoint.");
    }

    @Test
    void parameterOfAnUnsupportedTypeMarkedForInjection() {
        EngineExecutionResults results = TestKit.run(UnsupportedParameter.class);
        assertThat(TestKit.onlyFailure(results)).isInstanceOf(ParameterResolutionException.class);
        assertThat(misuse(results)).hasMessageContaining("parameter #1 (String) of UnsupportedParameter.test()")
                .hasMessageContaining("java.lang.String cannot be injected");
    }

    @Test
    void staticFieldWithAFakePerTest() {
        assertThat(misuse(StaticFieldPerTest.class))
                .hasMessageContaining("static field 'SageMakerClient client'")
                .hasMessageContaining("isolation is PER_TEST")
                .hasMessageContaining("Set @SageMakerWorkforceTest(isolation = Isolation.PER_CLASS)");
    }

    @Test
    void beforeAllParameterWithAFakePerTest() {
        assertThat(misuse(BeforeAllPerTest.class))
                .hasMessageContaining("parameter #1 (FakeControl) of BeforeAllPerTest.setUp()")
                .hasMessageContaining("injected once for the whole class");
    }

    @Test
    void constructorOfAPerClassInstanceWithAFakePerTest() {
        assertThat(misuse(ConstructorPerClassInstance.class))
                .hasMessageContaining("<init>()").hasMessageContaining("isolation is PER_TEST");
    }

    @Test
    void endpointWithoutTheHttpTransport() {
        assertThat(misuse(EndpointInProcess.class))
                .hasMessageContaining("@SageMakerEndpoint needs transport = HTTP, but the transport is IN_PROCESS "
                        + "(built-in default)")
                .hasMessageContaining("Add transport = Transport.HTTP");
    }

    @Test
    void endpointOfTheWrongType() {
        assertThat(misuse(EndpointAsString.class))
                .hasMessageContaining("@SageMakerEndpoint goes on a java.net.URI, not java.lang.String");
    }

    @Test
    void invalidRegion() {
        assertThat(misuse(InvalidRegion.class)).hasMessage("@SageMakerWorkforceTest(region = \"useast1\") on "
                + InvalidRegion.class.getName() + ": A region name looks like us-east-1 or eu-west-2; got 'useast1'.");
    }

    @Test
    void invalidAccount() {
        assertThat(misuse(InvalidAccount.class)).hasMessageContaining("@SageMakerWorkforceTest(account = \"12345\")")
                .hasMessageContaining("An AWS account id is 12 digits, such as 123456789012; got '12345'");
    }

    @Test
    void invalidDuration() {
        assertThat(misuse(InvalidDuration.class))
                .hasMessageContaining("@SageMakerWorkforceTest(provisioningDelay = \"5 seconds\")")
                .hasMessageContaining("write ISO-8601 such as \"PT5S\"");
    }

    @Test
    void invalidLimit() {
        assertThat(misuse(InvalidLimit.class)).hasMessageContaining("@SageMakerWorkforceTest(maxWorkteams = -1)")
                .hasMessageContaining("maxWorkteams must be at least 1");
    }

    @Test
    void invalidConfigurationParameters() {
        assertThat(misuse(TestKit.run(Map.of("sagemaker.fake.transport", "carrier-pigeon"), Plain.class)))
                .hasMessageStartingWith("configuration parameter sagemaker.fake.transport=carrier-pigeon: "
                        + "'carrier-pigeon' is not one of IN_PROCESS, HTTP");
        assertThat(misuse(TestKit.run(Map.of("sagemaker.fake.region", "moon-1"), Plain.class)))
                .hasMessageStartingWith("configuration parameter sagemaker.fake.region=moon-1: A region name");
        assertThat(misuse(TestKit.run(Map.of("sagemaker.fake.maxWorkteams", "many"), Plain.class)))
                .hasMessageContaining("'many' is not a whole number");
        assertThat(misuse(TestKit.run(Map.of("sagemaker.fake.isolation", "per-suite"), Plain.class)))
                .hasMessageContaining("is not one of PER_TEST, PER_CLASS");
    }

    @Test
    void missingSeedResource() {
        assertThat(misuse(MissingSeed.class))
                .hasMessageContaining("@SageMakerWorkforceTest(seed = \"no-such-seed.json\")")
                .hasMessageContaining("no classpath resource 'no-such-seed.json' (relative to package "
                        + "io.github.sagemakerfake.junit)");
        assertThat(misuse(MissingMethodSeed.class))
                .hasMessageContaining("@SageMakerSeed(\"/nowhere.json\") on " + MissingMethodSeed.class.getName()
                        + ".test()")
                .hasMessageContaining("no classpath resource '/nowhere.json'");
    }

    @Test
    void seedThatIsNotJsonOrBreaksARule() {
        assertThat(misuse(NotJsonSeed.class)).hasMessageContaining("the seed 'seeds/not-json.json' was rejected: "
                + "The seed is not valid JSON");
        assertThat(misuse(RuleBreakingSeed.class))
                .hasMessageContaining("the seed 'seeds/duplicate-teams.json' was rejected")
                .hasMessageContaining("Workteams[1]");
    }

    @Test
    void methodSeedWithASharedFake() {
        assertThat(misuse(MethodSeedPerClass.class))
                .hasMessageContaining("@SageMakerSeed on " + MethodSeedPerClass.class.getName() + ".test() needs "
                        + "isolation = PER_TEST");
    }

    @Test
    void systemPropertiesWithoutTheHttpTransport() {
        assertThat(misuse(SystemPropertiesInProcess.class))
                .hasMessageContaining("@SageMakerWorkforceTest(setSystemProperties = true)")
                .hasMessageContaining("needs transport = HTTP");
    }

    @Test
    void systemPropertiesWithoutJUnitsLock() {
        assertThat(misuse(SystemPropertiesWithoutLock.class))
                .hasMessageContaining("@SageMakerWorkforceTest(setSystemProperties = true)")
                .hasMessageContaining("add @ResourceLock(Resources.SYSTEM_PROPERTIES)")
                .hasMessageContaining(SystemPropertiesWithoutLock.class.getName());
    }

    @Test
    void aClientBuilderParameterSaysWhatToInjectInstead() {
        Throwable failure = TestKit.onlyFailure(TestKit.run(ClientBuilderParameter.class));
        assertThat(failure).isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("parameter #1 (SageMakerClientBuilder) of ClientBuilderParameter.test()")
                .hasMessageContaining("a SageMakerClientBuilder is not injected")
                .hasMessageContaining("Inject SageMakerFakeRuntime and call runtime.clientBuilder()");
        Throwable async = TestKit.onlyFailure(TestKit.run(AsyncClientBuilderParameter.class));
        assertThat(async).isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("runtime.asyncClientBuilder()");
    }

    @Test
    void aUriParameterWithoutTheAnnotationSaysToAddIt() {
        Throwable failure = TestKit.onlyFailure(TestKit.run(BareUriParameter.class));
        assertThat(failure).isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("a URI is injected only when annotated @SageMakerEndpoint")
                .hasMessageContaining("'@SageMakerEndpoint URI endpoint'");
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class Plain {
        @Test
        void test(SageMakerClient client) {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class FinalField {
        @InjectSageMaker final SageMakerClient client = null;

        @Test
        void test() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class UnsupportedField {
        @InjectSageMaker String name;

        @Test
        void test() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class UnsupportedParameter {
        @Test
        void test(@InjectSageMaker String name) {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class StaticFieldPerTest {
        @InjectSageMaker static SageMakerClient client;

        @Test
        void test() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class BeforeAllPerTest {
        @BeforeAll
        static void setUp(FakeControl fake) {
        }

        @Test
        void test() {
        }
    }

    @TestKitOnly
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @SageMakerWorkforceTest
    static class ConstructorPerClassInstance {
        ConstructorPerClassInstance(FakeControl fake) {
        }

        @Test
        void test() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class EndpointInProcess {
        @Test
        void test(@SageMakerEndpoint URI endpoint) {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class EndpointAsString {
        @Test
        void test(@SageMakerEndpoint String endpoint) {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(region = "useast1")
    static class InvalidRegion {
        @Test
        void test() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(account = "12345")
    static class InvalidAccount {
        @Test
        void test() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(provisioningDelay = "5 seconds")
    static class InvalidDuration {
        @Test
        void test() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(maxWorkteams = -1)
    static class InvalidLimit {
        @Test
        void test() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(seed = "no-such-seed.json")
    static class MissingSeed {
        @Test
        void test() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class MissingMethodSeed {
        @Test
        @SageMakerSeed("/nowhere.json")
        void test() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(seed = "seeds/not-json.json")
    static class NotJsonSeed {
        @Test
        void test() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(seed = "seeds/duplicate-teams.json")
    static class RuleBreakingSeed {
        @Test
        void test() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(isolation = Isolation.PER_CLASS)
    static class MethodSeedPerClass {
        @Test
        @SageMakerSeed("seeds/beta-team.json")
        void test() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(setSystemProperties = true)
    static class SystemPropertiesInProcess {
        @Test
        void test() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(transport = SageMakerWorkforceTest.Transport.HTTP, setSystemProperties = true)
    static class SystemPropertiesWithoutLock {
        @Test
        void test() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class ClientBuilderParameter {
        @Test
        void test(software.amazon.awssdk.services.sagemaker.SageMakerClientBuilder builder) {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class AsyncClientBuilderParameter {
        @Test
        void test(software.amazon.awssdk.services.sagemaker.SageMakerAsyncClientBuilder builder) {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(transport = SageMakerWorkforceTest.Transport.HTTP)
    static class BareUriParameter {
        @Test
        void test(URI endpoint) {
        }
    }
}
