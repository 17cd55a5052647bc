package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Isolation;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Behaviour that needs a recent JUnit: per-test constructor injection (the test-instantiation
 * context scope of 5.12) and parameterized classes (5.13). The JUnit 5.10 test run leaves this
 * file out; on 5.10 and 5.11 constructors can be injected only with a per-class fake.
 */
class Junit513FeaturesTest {

    @Test
    void injectsConstructorsWithTheTestsOwnFake() {
        TestKit.assertAllPassed(TestKit.run(ConstructorPerTest.class), 2);
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class ConstructorPerTest {
        private final SageMakerClient client;
        private final FakeControl control;

        ConstructorPerTest(SageMakerClient client, FakeControl control) {
            this.client = client;
            this.control = control;
        }

        @Test
        void first(FakeControl parameter) {
            assertThat(parameter).isSameAs(control);
            Teams.create(client, "a");
            assertThat(parameter.state().workteamNames()).containsExactly("a");
        }

        @Test
        void second(FakeControl parameter) {
            assertThat(parameter).isSameAs(control);
            Teams.create(client, "a"); // no leftover from first(): a fresh fake
        }
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
}
