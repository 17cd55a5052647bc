package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Isolation;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/** Every injectable type, as a parameter of each kind of method and as a field. */
class InjectionTest {

    @Test
    void injectsEveryTypeAsTestParameters() {
        TestKit.assertAllPassed(TestKit.run(Parameters.class), 2);
    }

    @Test
    void injectsEveryTypeIntoAnnotatedInstanceFields() {
        TestKit.assertAllPassed(TestKit.run(Fields.class), 2);
    }

    @Test
    void injectsStaticFieldsAndBeforeAllParametersOnceForTheClass() {
        TestKit.assertAllPassed(TestKit.run(StaticFieldsPerClass.class), 2);
    }

    @Test
    void injectsConstructorsWithTheTestsOwnFake() {
        TestKit.assertAllPassed(TestKit.run(ConstructorPerTest.class), 2);
    }

    @Test
    void injectsConstructorsWithThePerClassFakeUnderPerClassLifecycle() {
        TestKit.assertAllPassed(TestKit.run(ConstructorPerClassLifecycle.class), 2);
    }

    @Test
    void injectsLifecycleMethodParametersWithTheTestsOwnFake() {
        TestKit.assertAllPassed(TestKit.run(LifecycleMethods.class), 2);
    }

    @Test
    void closesEachFakeWhenItsScopeEnds() {
        ScopeSpy.scopes.clear();
        TestKit.assertAllPassed(TestKit.run(Spied.class), 2);
        assertThat(ScopeSpy.scopes).hasSize(2).doesNotHaveDuplicates()
                .allSatisfy(scope -> assertThat(scope.isClosed()).isTrue());
    }

    /** Asserts that every injected object talks to one and the same fake. */
    static void assertOneFake(SageMakerClient client, SageMakerAsyncClient asyncClient, FakeControl control,
                              SageMakerWorkforceFake fake, SageMakerFakeRuntime runtime) throws Exception {
        assertThat(fake).isSameAs(control);
        assertThat(runtime.control()).isSameAs(control);
        assertThat(runtime.transport()).isEqualTo(Transport.IN_PROCESS);
        assertThat(runtime.endpoint()).isEmpty();
        assertThat(runtime.accessKey()).isEqualTo(runtime.account()).isEqualTo("123456789012");
        assertThat(runtime.region()).isEqualTo("us-east-1");
        assertThat(control.state().workteamNames()).isEmpty();

        Teams.create(client, "through-sync");
        assertThat(asyncClient.listWorkteams().get().workteams()).extracting(Workteam::workteamName)
                .containsExactly("through-sync");
        try (SageMakerClient own = runtime.clientBuilder().build()) {
            Teams.create(own, "through-builder");
        }
        assertThat(control.state().workteamNames()).containsExactly("through-builder", "through-sync");
        assertThat(control.journal()).extracting(e -> e.operation())
                .containsExactly("CreateWorkteam", "ListWorkteams", "CreateWorkteam");
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class Parameters {
        @Test
        void first(SageMakerClient client, SageMakerAsyncClient asyncClient, FakeControl control,
                   SageMakerWorkforceFake fake, SageMakerFakeRuntime runtime) throws Exception {
            assertOneFake(client, asyncClient, control, fake, runtime);
        }

        @Test
        void second(@InjectSageMaker SageMakerClient client, SageMakerAsyncClient asyncClient, FakeControl control,
                    SageMakerWorkforceFake fake, SageMakerFakeRuntime runtime) throws Exception {
            assertOneFake(client, asyncClient, control, fake, runtime); // a fresh fake again
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class Fields {
        @InjectSageMaker SageMakerClient client;
        @InjectSageMaker SageMakerAsyncClient asyncClient;
        @InjectSageMaker FakeControl control;
        @InjectSageMaker SageMakerWorkforceFake fake;
        @InjectSageMaker private SageMakerFakeRuntime runtime;
        SageMakerClient notAnnotated;

        @Test
        void first(SageMakerClient parameter) throws Exception {
            assertThat(parameter).isSameAs(client);
            assertThat(notAnnotated).isNull();
            assertOneFake(client, asyncClient, control, fake, runtime);
        }

        @Test
        void second() throws Exception {
            assertOneFake(client, asyncClient, control, fake, runtime);
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(isolation = Isolation.PER_CLASS)
    static class StaticFieldsPerClass {
        @InjectSageMaker static SageMakerClient client;
        @InjectSageMaker static FakeControl control;
        @InjectSageMaker FakeControl instanceControl;
        static FakeControl fromBeforeAll;

        @BeforeAll
        static void seedOnce(SageMakerClient beforeAllClient, FakeControl beforeAllControl) {
            assertThat(beforeAllClient).isSameAs(client);
            fromBeforeAll = beforeAllControl;
            Teams.create(beforeAllClient, "created-once");
        }

        @Test
        void first(FakeControl parameter) {
            assertThat(parameter).isSameAs(control).isSameAs(instanceControl).isSameAs(fromBeforeAll);
            assertThat(control.state().workteamNames()).containsExactly("created-once");
        }

        @Test
        void second(FakeControl parameter) {
            assertThat(parameter).isSameAs(control);
        }

        @AfterAll
        static void stillThere(FakeControl afterAllControl) {
            assertThat(afterAllControl).isSameAs(control);
        }
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

    @TestKitOnly
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @SageMakerWorkforceTest(isolation = Isolation.PER_CLASS)
    static class ConstructorPerClassLifecycle {
        private final FakeControl control;

        ConstructorPerClassLifecycle(FakeControl control) {
            this.control = control;
        }

        @Test
        void first(FakeControl parameter) {
            assertThat(parameter).isSameAs(control);
        }

        @Test
        void second(FakeControl parameter) {
            assertThat(parameter).isSameAs(control);
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class LifecycleMethods {
        FakeControl fromBeforeEach;

        @BeforeEach
        void setUp(SageMakerClient client, FakeControl control) {
            fromBeforeEach = control;
            Teams.create(client, "from-before-each");
        }

        @Test
        void first(FakeControl control) {
            assertThat(control).isSameAs(fromBeforeEach);
            assertThat(control.state().workteamNames()).containsExactly("from-before-each");
        }

        @Test
        void second(FakeControl control) {
            assertThat(control.state().workteamNames()).containsExactly("from-before-each");
        }

        @AfterEach
        void tearDown(FakeControl control) {
            assertThat(control).isSameAs(fromBeforeEach);
        }
    }

    /** Looks into the store after each test, while the per-test fake is still open. */
    static final class ScopeSpy implements org.junit.jupiter.api.extension.AfterEachCallback {
        static final List<FakeScope> scopes = new CopyOnWriteArrayList<>();

        @Override
        public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
            FakeScope scope = SageMakerWorkforceExtension.store(context).get(FakeScope.class, FakeScope.class);
            assertThat(scope.isClosed()).isFalse();
            scopes.add(scope);
        }
    }

    @TestKitOnly
    @org.junit.jupiter.api.extension.ExtendWith(ScopeSpy.class)
    @SageMakerWorkforceTest
    static class Spied {
        @Test
        void first(SageMakerClient client, SageMakerAsyncClient asyncClient) {
            Teams.create(client, "a");
        }

        @Test
        void second(SageMakerClient client) {
            Teams.create(client, "a");
        }
    }
}
