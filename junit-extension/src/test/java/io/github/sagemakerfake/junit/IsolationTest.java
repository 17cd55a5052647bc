package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Isolation;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** PER_TEST gives every test a fresh fake; PER_CLASS shares one across the class. */
class IsolationTest {

    @Test
    void perTestGivesEveryTestAFreshFake() {
        TestKit.assertAllPassed(TestKit.run(PerTest.class), 2);
    }

    @Test
    void perClassSharesOneFakeAcrossTheClass() {
        TestKit.assertAllPassed(TestKit.run(PerClass.class), 2);
    }

    @Test
    void theIsolationCanComeFromTheConfigurationParameter() {
        TestKit.assertAllPassed(TestKit.run(Map.of("sagemaker.fake.isolation", "per_class"), Unset.class), 2);
    }

    @Test
    void theAnnotationBeatsTheConfigurationParameter() {
        TestKit.assertAllPassed(TestKit.run(Map.of("sagemaker.fake.isolation", "PER_CLASS"), PerTest.class), 2);
    }

    @Test
    void everyInvocationOfARepeatedOrParameterizedTestGetsItsOwnFake() {
        Invocations.controls.clear();
        TestKit.assertAllPassed(TestKit.run(Invocations.class), 6);
        assertThat(Invocations.controls).hasSize(6);
    }

    @Test
    void everyInvocationOfAParameterizedClassGetsItsOwnPerClassFake() {
        TestKit.assertAllPassed(TestKit.run(PerClassTemplate.class), 4);
    }

    @TestKitOnly
    @ParameterizedClass
    @ValueSource(strings = {"first", "second"})
    @SageMakerWorkforceTest(isolation = Isolation.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClassTemplate {
        @Parameter
        String invocation;

        @Test
        @Order(1)
        void createsATeam(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "per-invocation"); // a second invocation sharing the fake would get ResourceInUse
        }

        @Test
        @Order(2)
        void seesItInTheSameInvocation(FakeControl fake) {
            assertThat(fake.state().workteamNames()).containsExactly("per-invocation");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(isolation = Isolation.PER_TEST)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerTest {
        @Test
        @Order(1)
        void createsATeam(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "left-behind");
        }

        @Test
        @Order(2)
        void seesNothingOfTheFirstTest(SageMakerClient sageMaker, FakeControl fake) {
            assertThat(fake.state().workteamNames()).isEmpty();
            assertThat(fake.journal()).isEmpty();
            Teams.create(sageMaker, "left-behind");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(isolation = Isolation.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClass {
        @Test
        @Order(1)
        void createsATeam(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "shared");
        }

        @Test
        @Order(2)
        void seesTheFirstTestsTeam(FakeControl fake) {
            assertThat(fake.state().workteamNames()).containsExactly("shared");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Unset {
        @Test
        @Order(1)
        void createsATeam(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "shared");
        }

        @Test
        @Order(2)
        void seesTheFirstTestsTeam(FakeControl fake) {
            assertThat(fake.state().workteamNames()).containsExactly("shared");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class Invocations {
        static final Set<FakeControl> controls = ConcurrentHashMap.newKeySet();

        @RepeatedTest(3)
        void repeated(SageMakerClient sageMaker, FakeControl fake) {
            controls.add(fake);
            Teams.create(sageMaker, "same-name-every-time");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "b", "c"})
        void parameterized(String suffix, SageMakerClient sageMaker, FakeControl fake) {
            controls.add(fake);
            Teams.create(sageMaker, "same-name-every-time");
            assertThat(fake.state().workteamNames()).containsExactly("same-name-every-time");
        }
    }
}
