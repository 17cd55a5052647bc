package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.Lifecycle;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/** {@code snapshot} restores a state document before each test; {@code idSeed} makes ids repeatable. */
class SnapshotTest {

    @Test
    void everyTestOfItsOwnFakeStartsFromTheSnapshot() {
        TestKit.assertAllPassed(TestKit.run(PerTest.class), 2);
    }

    @Test
    void aSharedFakeIsPutBackToTheSnapshotBeforeEachTest() {
        TestKit.assertAllPassed(TestKit.run(PerClass.class), 2);
    }

    @Test
    void theBuilderAndTheConfigurationParameterTakeASnapshotToo() {
        TestKit.assertAllPassed(TestKit.run(Built.class), 1);
        TestKit.assertAllPassed(TestKit.run(Map.of("sagemaker.fake.snapshot",
                "io/github/sagemakerfake/junit/snapshots/two-teams.json", "sagemaker.fake.idSeed", "5"), Configured.class), 1);
    }

    @Test
    void anIdSeedGivesTheIdsOfTheSameSeedInProcess() {
        TestKit.assertAllPassed(TestKit.run(Seeded.class), 1);
    }

    /** What every test of these classes checks: the snapshot, field for field. */
    static void seesTheSnapshot(SageMakerClient sageMaker, FakeControl fake) {
        assertThat(fake.journal()).as("restoring is not a request").isEmpty();
        assertThat(sageMaker.listWorkteams().workteams()).extracting(Workteam::workteamName)
                .containsExactly("reviewers", "annotators"); // CreateDate order, kept
        Workteam reviewers = sageMaker.describeWorkteam(r -> r.workteamName("reviewers")).workteam();
        assertThat(reviewers.createDate()).isEqualTo(Instant.parse("2026-03-01T09:05:00Z"));
        assertThat(reviewers.subDomain()).isEqualTo("tm48p67xsh.labeling.us-east-1.sagemaker.aws");
        assertThat(fake.state().workteam("reviewers").orElseThrow().tags()).containsEntry("team", "reviewers");
    }

    @TestKitOnly
    @SageMakerWorkforceTest(snapshot = "snapshots/two-teams.json")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerTest {
        @Test
        @Order(1)
        void changesIt(SageMakerClient sageMaker, FakeControl fake) {
            seesTheSnapshot(sageMaker, fake);
            sageMaker.deleteWorkteam(r -> r.workteamName("reviewers"));
        }

        @Test
        @Order(2)
        void startsFromItAgain(SageMakerClient sageMaker, FakeControl fake) {
            seesTheSnapshot(sageMaker, fake);
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(snapshot = "/io/github/sagemakerfake/junit/snapshots/two-teams.json",
            isolation = SageMakerWorkforceTest.Isolation.PER_CLASS, seed = "snapshots/extra-team.json")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClass {
        @Test
        @Order(1)
        void changesIt(SageMakerClient sageMaker, FakeControl fake) {
            assertThat(fake.state().workteamNames()).containsExactly("annotators", "beta", "reviewers");
            sageMaker.deleteWorkteam(r -> r.workteamName("reviewers"));
            sageMaker.deleteWorkteam(r -> r.workteamName("beta"));
        }

        @Test
        @Order(2)
        void startsFromItAgainWithTheSeeds(SageMakerClient sageMaker, FakeControl fake) {
            assertThat(fake.state().workteamNames()).containsExactly("annotators", "beta", "reviewers");
        }
    }

    @TestKitOnly
    static class Built {
        @RegisterExtension
        static final SageMakerWorkforceExtension FAKE = SageMakerWorkforceExtension.newInstance()
                .snapshot("/io/github/sagemakerfake/junit/snapshots/two-teams.json").build();

        @Test
        void seesIt(SageMakerClient sageMaker, FakeControl fake) {
            seesTheSnapshot(sageMaker, fake);
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class Configured {
        @Test
        void seesIt(SageMakerClient sageMaker, FakeControl fake) {
            seesTheSnapshot(sageMaker, fake);
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(idSeed = 42, frozenClock = "2026-01-01T00:00:00Z", lifecycle = "IMMEDIATE")
    static class Seeded {
        @Test
        void seesTheSeedsIds(SageMakerClient sageMaker) {
            String[] expected = new String[2];
            try (SageMakerWorkforceFake reference = SageMakerWorkforceFake.builder().idSeed(42)
                    .lifecycle(Lifecycle.immediate()).clock(FakeClock.startingAt(Instant.parse("2026-01-01T00:00:00Z")))
                    .build()) {
                expected[0] = Teams.create(reference.client(), "t").responseMetadata().requestId();
                expected[1] = reference.state().workforce().orElseThrow().subDomain();
            }
            assertThat(Teams.create(sageMaker, "t").responseMetadata().requestId()).isEqualTo(expected[0]);
            assertThat(sageMaker.describeWorkforce(r -> r.workforceName("default")).workforce().subDomain())
                    .isEqualTo(expected[1]);
        }
    }
}
