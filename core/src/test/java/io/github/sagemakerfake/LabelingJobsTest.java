package io.github.sagemakerfake;

import static io.github.sagemakerfake.LabelingRequests.BUILT_IN_UI;
import static io.github.sagemakerfake.LabelingRequests.PUBLIC_CROWD;
import static io.github.sagemakerfake.LabelingRequests.labelingJob;
import static io.github.sagemakerfake.LabelingRequests.teamArn;
import static io.github.sagemakerfake.Requests.cognitoTeam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.Lifecycle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SortBy;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;
import software.amazon.awssdk.services.sagemaker.model.Tag;

class LabelingJobsTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    @AfterEach
    void close() {
        fake.close();
    }

    private String team(String name) {
        return sageMaker.createWorkteam(cognitoTeam(name)).workteamArn();
    }

    @Test
    void aJobInitializesThenRunsAndDescribeFillsTheServiceDefaults() {
        String arn = sageMaker.createLabelingJob(labelingJob("Reviews-1", team("labelers"))).labelingJobArn();

        assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:123456789012:labeling-job/Reviews-1");
        DescribeLabelingJobResponse first = sageMaker.describeLabelingJob(r -> r.labelingJobName("Reviews-1"));
        assertThat(first.labelingJobStatus()).isEqualTo(LabelingJobStatus.INITIALIZING);
        assertThat(first.labelCounters()).isEqualTo(LabelCounters.builder().totalLabeled(0).humanLabeled(0)
                .machineLabeled(0).failedNonRetryableError(0).unlabeled(0).build());
        assertThat(first.outputConfig().kmsKeyId()).isEmpty();
        assertThat(first.humanTaskConfig().maxConcurrentTaskCount()).isEqualTo(1000);
        assertThat(first.humanTaskConfig().taskAvailabilityLifetimeInSeconds()).isEqualTo(2_592_000);
        assertThat(first.jobReferenceCode()).matches("123456789012[A-Za-z0-9]{16}");
        assertThat(first.labelingJobOutput()).isNull();
        assertThat(first.failureReason()).isNull();

        DescribeLabelingJobResponse second = sageMaker.describeLabelingJob(r -> r.labelingJobName("reviews-1"));
        assertThat(second.labelingJobStatus()).isEqualTo(LabelingJobStatus.IN_PROGRESS);
        assertThat(second.labelingJobName()).isEqualTo("Reviews-1");
        assertThat(second.jobReferenceCode()).isEqualTo(first.jobReferenceCode());
    }

    @Test
    void thePublicWorkforceGetsItsShorterTaskLifetime() {
        sageMaker.createLabelingJob(labelingJob("mturk", PUBLIC_CROWD));
        assertThat(sageMaker.describeLabelingJob(r -> r.labelingJobName("mturk")).humanTaskConfig()
                .taskAvailabilityLifetimeInSeconds()).isEqualTo(21_600);
    }

    @Test
    void namesAreUniqueIgnoringCaseAndNeverFreeAgain() {
        String team = team("labelers");
        sageMaker.createLabelingJob(labelingJob("job", team));
        sageMaker.stopLabelingJob(r -> r.labelingJobName("job"));

        assertThatThrownBy(() -> sageMaker.createLabelingJob(labelingJob("JOB", team)))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageContaining("A labeling job with name JOB already exists");
    }

    @Test
    void anUnknownJobIsAValidationException() {
        assertThatThrownBy(() -> sageMaker.describeLabelingJob(r -> r.labelingJobName("nope")))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Could not find labeling job with name nope");
                });
        assertThatThrownBy(() -> sageMaker.stopLabelingJob(r -> r.labelingJobName("nope")))
                .isInstanceOfSatisfying(SageMakerException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void theWorkteamMustBeOneOfThisAccountAndRegion() {
        team("labelers");
        for (String arn : List.of(teamArn("missing"),
                "arn:aws:sagemaker:us-east-1:111122223333:workteam/private-crowd/labelers",
                "arn:aws:sagemaker:eu-west-1:123456789012:workteam/private-crowd/labelers")) {
            assertThatThrownBy(() -> sageMaker.createLabelingJob(labelingJob("j", arn)))
                    .isInstanceOfSatisfying(SageMakerException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                                "The specified Workteam '" + arn + "' does not exist or you do not have access to it.");
                    });
        }
        assertThat(fake.state().labelingJobList()).isEmpty();
    }

    @Test
    void aDeletedTeamCanNoLongerBeUsedButItsJobsStay() {
        String team = team("labelers");
        sageMaker.createLabelingJob(labelingJob("before", team));
        sageMaker.deleteWorkteam(r -> r.workteamName("labelers"));

        assertThat(sageMaker.describeLabelingJob(r -> r.labelingJobName("before")).humanTaskConfig().workteamArn())
                .isEqualTo(team);
        assertThatThrownBy(() -> sageMaker.createLabelingJob(labelingJob("after", team)))
                .hasMessageContaining("does not exist or you do not have access to it");
    }

    @Test
    void theModelsSchemaAndItsDocumentedRulesAreEnforced() {
        String team = team("labelers");
        assertThatThrownBy(() -> sageMaker.createLabelingJob(labelingJob("bad_name", team)))
                .hasMessageContaining("Value 'bad_name' at 'labelingJobName' failed to satisfy constraint");
        assertThatThrownBy(() -> sageMaker.createLabelingJob(labelingJob("j", team).toBuilder()
                .inputConfig(i -> i.dataSource(d -> { })).build()))
                .hasMessageContaining("at least one of S3DataSource or SnsDataSource");
        assertThatThrownBy(() -> sageMaker.createLabelingJob(labelingJob("j", team).toBuilder()
                .labelAttributeName("x-metadata").build()))
                .hasMessageContaining("can't end with \"-metadata\"");
        assertThatThrownBy(() -> sageMaker.createLabelingJob(labelingJob("j", team).toBuilder()
                .humanTaskConfig(labelingJob("j", team).humanTaskConfig().toBuilder()
                        .uiConfig(u -> u.humanTaskUiArn(BUILT_IN_UI).uiTemplateS3Uri("s3://b/t")).build()).build()))
                .hasMessageContaining("exactly one of HumanTaskUiArn or UiTemplateS3Uri; the request has both");
        assertThatThrownBy(() -> sageMaker.createLabelingJob(labelingJob("j", team).toBuilder()
                .humanTaskConfig(labelingJob("j", team).humanTaskConfig().toBuilder()
                        .uiConfig(u -> u.humanTaskUiArn("arn:aws:sagemaker:us-east-1:123456789012:human-task-ui/none"))
                        .build()).build()))
                .hasMessageContaining("The specified HumanTaskUi 'arn:aws:sagemaker:us-east-1:123456789012:human-task-ui/none'");
        sageMaker.createLabelingJob(labelingJob("ner", team).toBuilder()
                .humanTaskConfig(labelingJob("ner", team).humanTaskConfig().toBuilder()
                        .uiConfig(u -> u.humanTaskUiArn(BUILT_IN_UI)).build()).build());
    }

    @Test
    void stopGoesThroughStoppingToStoppedAndFinishedJobsCannotBeStopped() {
        fake.close();
        try (SageMakerWorkforceFake timed = SageMakerWorkforceFake.builder()
                .lifecycle(Lifecycle.timed(Duration.ofMinutes(1))).build()) {
            SageMakerClient client = timed.client();
            String team = client.createWorkteam(cognitoTeam("t")).workteamArn();
            client.createLabelingJob(labelingJob("a", team));
            client.createLabelingJob(labelingJob("b", team));
            assertThat(status(client, "a")).isEqualTo(LabelingJobStatus.INITIALIZING);
            timed.advanceClock(Duration.ofMinutes(1));
            assertThat(status(client, "a")).isEqualTo(LabelingJobStatus.IN_PROGRESS);

            client.stopLabelingJob(r -> r.labelingJobName("a"));
            assertThat(status(client, "a")).isEqualTo(LabelingJobStatus.STOPPING);
            client.stopLabelingJob(r -> r.labelingJobName("a")); // again: nothing changes
            timed.advanceClock(Duration.ofMinutes(1));
            assertThat(status(client, "a")).isEqualTo(LabelingJobStatus.STOPPED);
            client.stopLabelingJob(r -> r.labelingJobName("a"));

            timed.completeLabelingJob("b", null);
            assertThatThrownBy(() -> client.stopLabelingJob(r -> r.labelingJobName("b")))
                    .hasMessageContaining("Labeling job b is Completed; only a job that is Initializing or InProgress");
        }
    }

    private static LabelingJobStatus status(SageMakerClient client, String name) {
        return client.describeLabelingJob(r -> r.labelingJobName(name)).labelingJobStatus();
    }

    @Test
    void listingFiltersSortsAndPagesWithTheSdkPaginator() {
        String team = team("labelers");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String name = "job-" + (char) ('a' + i);
            names.add(name);
            sageMaker.createLabelingJob(labelingJob(name, team));
            fake.advanceClock(Duration.ofSeconds(1));
        }
        List<String> listed = sageMaker.listLabelingJobsPaginator(r -> r.maxResults(7)).labelingJobSummaryList()
                .stream().map(LabelingJobSummary::labelingJobName).toList();
        assertThat(listed).containsExactlyElementsOf(names);

        sageMaker.stopLabelingJob(r -> r.labelingJobName("job-c"));
        assertThat(sageMaker.listLabelingJobs(r -> r.statusEquals(LabelingJobStatus.STOPPING)).labelingJobSummaryList())
                .extracting(LabelingJobSummary::labelingJobName).containsExactly("job-c");
        assertThat(sageMaker.listLabelingJobs(r -> r.nameContains("JOB-Y")).labelingJobSummaryList())
                .extracting(LabelingJobSummary::labelingJobName).containsExactly("job-y");
        assertThat(sageMaker.listLabelingJobs(r -> r.sortBy(SortBy.NAME).sortOrder(SortOrder.DESCENDING).maxResults(2))
                .labelingJobSummaryList()).extracting(LabelingJobSummary::labelingJobName).containsExactly("job-y", "job-x");
        LabelingJobSummary summary = sageMaker.listLabelingJobs().labelingJobSummaryList().get(0);
        assertThat(summary.workteamArn()).isEqualTo(team);
        assertThat(summary.preHumanTaskLambdaArn()).endsWith("PRE-TextMultiClass");
        assertThat(summary.annotationConsolidationLambdaArn()).endsWith("ACS-TextMultiClass");
        assertThat(summary.inputConfig().dataSource().s3DataSource().manifestS3Uri()).isEqualTo("s3://bucket/in.manifest");
    }

    @Test
    void theAsyncClientDrivesTheJobOperationsWithTypedErrors() {
        software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient async = fake.asyncClient();
        String team = team("labelers");
        async.createLabelingJob(labelingJob("async-job", team)).join();
        assertThat(async.describeLabelingJob(r -> r.labelingJobName("async-job")).join().labelingJobStatus())
                .isEqualTo(LabelingJobStatus.INITIALIZING);
        async.stopLabelingJob(r -> r.labelingJobName("async-job")).join();
        List<String> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        async.listLabelingJobsPaginator(r -> { }).labelingJobSummaryList()
                .subscribe(j -> statuses.add(j.labelingJobName() + " " + j.labelingJobStatusAsString())).join();
        assertThat(statuses).containsExactly("async-job Stopping");
        assertThat(async.createLabelingJob(labelingJob("ASYNC-JOB", team)))
                .failsWithin(Duration.ofSeconds(10)).withThrowableThat().havingCause()
                .isInstanceOf(ResourceInUseException.class);
    }

    @Test
    void tagsWorkOnTheJobsArn() {
        String arn = sageMaker.createLabelingJob(labelingJob("tagged", team("t")).toBuilder()
                .tags(Tag.builder().key("team").value("nlp").build()).build()).labelingJobArn();
        sageMaker.addTags(r -> r.resourceArn(arn).tags(Tag.builder().key("cost").value("42").build()));
        sageMaker.deleteTags(r -> r.resourceArn(arn).tagKeys("team"));

        assertThat(sageMaker.listTags(r -> r.resourceArn(arn)).tags()).containsExactly(Tag.builder().key("cost").value("42").build());
        assertThat(sageMaker.describeLabelingJob(r -> r.labelingJobName("tagged")).tags())
                .containsExactly(Tag.builder().key("cost").value("42").build());
        assertThatThrownBy(() -> sageMaker.listTags(r -> r.resourceArn(arn.replace("tagged", "other"))))
                .hasMessageContaining("does not exist");
    }
}
