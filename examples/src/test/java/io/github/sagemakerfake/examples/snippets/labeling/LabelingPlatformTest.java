package io.github.sagemakerfake.examples.snippets.labeling;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatSageMakerCall;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.LabelingJobAction;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobForWorkteamSummary;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

@SageMakerWorkforceTest
class LabelingPlatformTest {

    /** The code under test: a labeling platform that starts a job for a team and reports its progress. */
    static class LabelingPlatform {
        private final SageMakerClient sageMaker;

        LabelingPlatform(SageMakerClient sageMaker) {
            this.sageMaker = sageMaker;
        }

        String start(String job, String workteamArn, String manifest) {
            return sageMaker.createLabelingJob(r -> r.labelingJobName(job).labelAttributeName("sentiment")
                    .roleArn("arn:aws:iam::123456789012:role/GroundTruth")
                    .inputConfig(i -> i.dataSource(d -> d.s3DataSource(s -> s.manifestS3Uri(manifest))))
                    .outputConfig(o -> o.s3OutputPath("s3://labels/output/"))
                    .humanTaskConfig(h -> h.workteamArn(workteamArn)
                            .uiConfig(u -> u.uiTemplateS3Uri("s3://labels/templates/sentiment.liquid"))
                            .taskTitle("Sentiment").taskDescription("Is the review positive or negative?")
                            .numberOfHumanWorkersPerDataObject(1).taskTimeLimitInSeconds(300)))
                    .labelingJobArn();
        }

        /** "42 of 100 labeled", once the job runs; null while it is still starting. */
        String progress(String job) {
            DescribeLabelingJobResponse d = sageMaker.describeLabelingJob(r -> r.labelingJobName(job));
            if (d.labelingJobStatus() == LabelingJobStatus.INITIALIZING) {
                return null;
            }
            int labeled = d.labelCounters().totalLabeled();
            return labeled + " of " + (labeled + d.labelCounters().unlabeled()) + " labeled";
        }
    }

    @Test
    void reportsProgressAsTheWorkersLabel(SageMakerClient sageMaker, FakeControl fake) {
        String team = sageMaker.createWorkteam(r -> r.workteamName("reviewers").description("Reviewers")
                .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c
                        .userPool("us-east-1_AbC123").clientId("app-client").userGroup("reviewers"))))
                .workteamArn();
        LabelingPlatform platform = new LabelingPlatform(sageMaker);

        platform.start("reviews-2026", team, "s3://labels/input/reviews.manifest");
        assertThat(platform.progress("reviews-2026")).isNull();            // Initializing, as on AWS

        // What the workers do, the test does: 100 objects arrive, 42 get labeled.
        fake.driveLabelingJob(fake.defaultAccount(), fake.defaultRegion(), "reviews-2026",
                LabelingJobAction.addObjects(100));
        fake.labelObjects("reviews-2026", 42);
        assertThat(platform.progress("reviews-2026")).isEqualTo("42 of 100 labeled");

        // The work team's own view of the job lists it, with the same counters.
        List<LabelingJobForWorkteamSummary> teamView =
                sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(team)).labelingJobSummaryList();
        assertThat(teamView).singleElement()
                .satisfies(j -> assertThat(j.labelCounters().pendingHuman()).isEqualTo(58));

        fake.completeLabelingJob("reviews-2026", null);
        assertThat(fake).hasLabelingJob("reviews-2026").usesWorkteam("reviewers").isCompleted()
                .hasOutputDatasetS3Uri("s3://labels/output/reviews-2026/manifests/output/output.manifest");
    }

    @Test
    void aJobNeedsATeamOfThisAccount(SageMakerClient sageMaker) {
        LabelingPlatform platform = new LabelingPlatform(sageMaker);
        String foreignTeam = "arn:aws:sagemaker:us-east-1:111122223333:workteam/private-crowd/reviewers";

        assertThatSageMakerCall(() -> platform.start("reviews-2026", foreignTeam, "s3://labels/in.manifest"))
                .hasErrorCode("ValidationException")
                .hasMessageContaining("does not exist or you do not have access to it");
    }
}
