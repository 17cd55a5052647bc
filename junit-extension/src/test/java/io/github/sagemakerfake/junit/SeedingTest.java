package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/** Class seeds, method seeds after them, enclosing classes first, and the global seed parameter. */
class SeedingTest {

    @Test
    void appliesClassSeedsToEveryFakeAndMethodSeedsAfterThem() {
        TestKit.assertAllPassed(TestKit.run(ClassAndMethodSeeds.class), 3);
    }

    @Test
    void appliesTheSeedsOfEnclosingClassesFirst() {
        TestKit.assertAllPassed(TestKit.run(OuterSeeds.class), 2);
    }

    @Test
    void appliesTheConfiguredSeedBeforeAllOthers() {
        TestKit.assertAllPassed(TestKit.run(Map.of("sagemaker.fake.seed", "seeds/global.json"), GlobalSeed.class), 1);
    }

    @Test
    void seedsOtherAccountsAndRegionsAndVendorTeams() {
        TestKit.assertAllPassed(TestKit.run(Regions.class), 1);
    }

    @TestKitOnly
    @SageMakerWorkforceTest(seed = "seeds/workforce-and-alpha.json")
    static class ClassAndMethodSeeds {
        @Test
        void seesTheClassSeed(SageMakerClient sageMaker, FakeControl fake) {
            assertThat(fake.journal()).as("seeding is not a request").isEmpty();
            assertThat(sageMaker.describeWorkteam(r -> r.workteamName("alpha")).workteam().description())
                    .isEqualTo("Alpha team");
            assertThat(fake.state().workteam("alpha")).hasValueSatisfying(t ->
                    assertThat(t.tags()).containsEntry("team", "alpha"));
            assertThat(fake.state().workforce()).hasValueSatisfying(w -> {
                assertThat(w.name()).isEqualTo("labelers");
                assertThat(w.status()).isEqualTo("Active");
            });
        }

        @Test
        @SageMakerSeed("seeds/beta-team.json")
        void addsTheMethodSeedToTheClassSeed(SageMakerClient sageMaker) {
            assertThat(sageMaker.listWorkteams().workteams()).extracting(Workteam::workteamName)
                    .containsExactly("alpha", "beta");
        }

        @Test
        @SageMakerSeed("/io/github/sagemakerfake/junit/seeds/beta-team.json")
        void acceptsAbsolutePaths(FakeControl fake) {
            assertThat(fake.state().workteamNames()).containsExactly("alpha", "beta");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(seed = "/io/github/sagemakerfake/junit/seeds/workforce-and-alpha.json")
    static class OuterSeeds {
        @Test
        void outer(FakeControl fake) {
            assertThat(fake.state().workteamNames()).containsExactly("alpha");
        }

        @Nested
        @SageMakerWorkforceTest(seed = "seeds/beta-team.json")
        class Inner {
            @Test
            void innerSeedAppliesAfterTheOuterOne(FakeControl fake) {
                // beta joins the workforce "labelers" that only the outer seed creates
                assertThat(fake.state().workteamNames()).containsExactly("alpha", "beta");
            }
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(seed = "seeds/job-for-global-team.json")
    static class GlobalSeed {
        @Test
        void configuredSeedComesFirst(SageMakerClient sageMaker, FakeControl fake) {
            // the class seed adds a labeling job to the team "global", which only the configured seed creates
            String arn = fake.state().workteam("global").orElseThrow().arn();
            assertThat(sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(arn)).labelingJobSummaryList())
                    .singleElement().satisfies(job -> assertThat(job.jobReferenceCode()).isEqualTo("job-ref-1"));
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(seed = "/seeds/two-regions.json")
    static class Regions {
        @Test
        void seedsWhereTheDocumentSays(SageMakerClient sageMaker, FakeControl fake) {
            assertThat(fake.state("111122223333", "eu-west-1").workteamNames()).containsExactly("in-ireland");
            assertThat(fake.state().workteamNames()).isEmpty();
            assertThat(sageMaker.listSubscribedWorkteams().subscribedWorkteams())
                    .singleElement().satisfies(v -> assertThat(v.sellerName()).isEqualTo("Acme"));
        }
    }
}
