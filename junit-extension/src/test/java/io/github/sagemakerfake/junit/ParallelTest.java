package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;

/**
 * Many tests at once, each filling its fake to the limit with the same team names: with any shared
 * state, some test would hit the limit early or see another's teams.
 */
class ParallelTest {

    static final int TESTS_PER_CLASS = 24;

    @Test
    void concurrentTestsInProcessNeverSeeEachOther() {
        Rendezvous.reset();
        TestKit.assertAllPassed(TestKit.run(TestKit.PARALLEL, RepeatedInProcess.class, ParameterizedInProcess.class),
                2 * TESTS_PER_CLASS);
        assertThat(Rendezvous.met.get()).as("tests ran at the same time").isTrue();
    }

    @Test
    void concurrentTestsOverHttpNeverSeeEachOtherAndSystemPropertyUsersTakeTurns() {
        Rendezvous.reset();
        GlobalSettingsA.inside.set(0);
        GlobalSettingsA.mostInside.set(0);
        Map<String, String> before = HttpTransportTest.sdkProperties();
        TestKit.assertAllPassed(TestKit.run(TestKit.PARALLEL, RepeatedOverHttp.class, ParameterizedOverHttp.class,
                GlobalSettingsA.class, GlobalSettingsB.class, RepeatedInProcess.class),
                3 * TESTS_PER_CLASS + 2 * GLOBAL_SETTINGS_TESTS);
        assertThat(Rendezvous.met.get()).as("tests ran at the same time").isTrue();
        assertThat(GlobalSettingsA.mostInside.get()).as("tests that set system properties at the same time")
                .isEqualTo(1);
        assertThat(HttpTransportTest.sdkProperties()).isEqualTo(before);
    }

    /** Fills a fresh fake to its limit of 3 and checks it holds exactly its own 3 teams. */
    static void fillToTheLimit(SageMakerClient sageMaker, FakeControl fake) throws InterruptedException {
        for (int i = 1; i <= 3; i++) {
            Teams.create(sageMaker, "team-" + i);
        }
        Rendezvous.arrive(); // several tests hold three teams each at this point
        assertThatThrownBy(() -> Teams.create(sageMaker, "team-4")).isInstanceOf(ResourceLimitExceededException.class);
        assertThat(fake.state().workteamNames()).containsExactly("team-1", "team-2", "team-3");
        assertThat(sageMaker.listWorkteams().workteams()).hasSize(3);
        assertThat(fake.journal()).hasSize(5);
    }

    /**
     * Makes the first four tests wait for each other, which proves they overlapped. The timeout is
     * only a safety net against a hang; reaching it leaves {@link #met} false and fails the outer test.
     */
    static final class Rendezvous {
        static final int PARTIES = 4;
        static volatile CountDownLatch latch = new CountDownLatch(PARTIES);
        static final AtomicBoolean met = new AtomicBoolean();

        static void reset() {
            latch = new CountDownLatch(PARTIES);
            met.set(false);
        }

        static void arrive() throws InterruptedException {
            CountDownLatch current = latch;
            if (current.getCount() == 0) {
                return;
            }
            current.countDown();
            if (current.await(60, TimeUnit.SECONDS)) {
                met.set(true);
            }
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(maxWorkteams = 3)
    static class RepeatedInProcess {
        @InjectSageMaker SageMakerClient sageMaker;

        @BeforeEach
        void emptyAtStart(FakeControl fake) {
            assertThat(fake.state().workteamNames()).isEmpty();
        }

        @RepeatedTest(TESTS_PER_CLASS)
        void fillsItsOwnFake(FakeControl fake) throws InterruptedException {
            fillToTheLimit(sageMaker, fake);
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(maxWorkteams = 3, transport = Transport.HTTP)
    static class RepeatedOverHttp {
        @RepeatedTest(TESTS_PER_CLASS)
        void fillsItsOwnFake(SageMakerClient sageMaker, FakeControl fake) throws InterruptedException {
            fillToTheLimit(sageMaker, fake);
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(maxWorkteams = 3, transport = Transport.HTTP)
    static class ParameterizedOverHttp {
        static IntStream numbers() {
            return IntStream.range(0, TESTS_PER_CLASS);
        }

        @ParameterizedTest
        @MethodSource("numbers")
        void fillsItsOwnFake(int n, SageMakerAsyncClient async, SageMakerFakeRuntime runtime, FakeControl fake)
                throws Exception {
            try (SageMakerClient own = runtime.clientBuilder().build()) {
                fillToTheLimit(own, fake);
            }
            assertThat(async.listWorkteams().get().workteams()).hasSize(3);
        }
    }

    static final int GLOBAL_SETTINGS_TESTS = 4;

    /**
     * Code under test that builds its clients from the SDK's global settings: JUnit's system
     * properties lock must keep these tests from overlapping, even with everything else concurrent.
     */
    @TestKitOnly
    @SageMakerWorkforceTest(maxWorkteams = 3, transport = Transport.HTTP, setSystemProperties = true)
    static class GlobalSettingsA {
        static final AtomicInteger inside = new AtomicInteger();
        static final AtomicInteger mostInside = new AtomicInteger();

        @BeforeEach
        void enter() {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
        }

        @AfterEach
        void leave() {
            inside.decrementAndGet();
        }

        @RepeatedTest(GLOBAL_SETTINGS_TESTS)
        void fillsItsOwnFakeThroughTheGlobalSettings(FakeControl fake, @SageMakerEndpoint URI endpoint) {
            assertThat(System.getProperty("aws.endpointUrlSageMaker")).isEqualTo(endpoint.toString());
            try (SageMakerClient fromGlobalSettings = SageMakerClient.create()) {
                for (int i = 1; i <= 3; i++) {
                    Teams.create(fromGlobalSettings, "team-" + i);
                }
                assertThatThrownBy(() -> Teams.create(fromGlobalSettings, "team-4"))
                        .isInstanceOf(ResourceLimitExceededException.class);
            }
            assertThat(fake.state().workteamNames()).containsExactly("team-1", "team-2", "team-3");
            assertThat(System.getProperty("aws.endpointUrlSageMaker")).isEqualTo(endpoint.toString());
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(maxWorkteams = 3, transport = Transport.HTTP, setSystemProperties = true)
    static class GlobalSettingsB extends GlobalSettingsA {
    }

    @TestKitOnly
    @SageMakerWorkforceTest(maxWorkteams = 3)
    static class ParameterizedInProcess {
        static IntStream numbers() {
            return IntStream.range(0, TESTS_PER_CLASS);
        }

        @ParameterizedTest
        @MethodSource("numbers")
        void fillsItsOwnFake(int n, SageMakerClient sageMaker, FakeControl fake) throws InterruptedException {
            fillToTheLimit(sageMaker, fake);
        }
    }
}
