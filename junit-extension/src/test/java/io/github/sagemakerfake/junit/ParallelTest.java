package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeControl;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
