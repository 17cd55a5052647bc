package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Fixtures.cognitoTeam;
import static io.github.sagemakerfake.assertions.Fixtures.lines;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FaultRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;

class LabelingAssertTest {

    private static final String TEAM = "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/labelers";

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    @BeforeEach
    void team() {
        cognitoTeam(sageMaker, "labelers", "Labelers", "g");
    }

    @AfterEach
    void close() {
        fake.close();
    }

    private static CreateLabelingJobRequest job(String name) {
        return CreateLabelingJobRequest.builder().labelingJobName(name).labelAttributeName("label")
                .roleArn("arn:aws:iam::123456789012:role/r")
                .inputConfig(i -> i.dataSource(d -> d.s3DataSource(s -> s.manifestS3Uri("s3://b/in.manifest"))))
                .outputConfig(o -> o.s3OutputPath("s3://b/out/"))
                .humanTaskConfig(h -> h.workteamArn(TEAM).uiConfig(u -> u.uiTemplateS3Uri("s3://b/t.liquid"))
                        .taskTitle("t").taskDescription("d").numberOfHumanWorkersPerDataObject(1).taskTimeLimitInSeconds(60))
                .build();
    }

    private void flow(String name) {
        sageMaker.createHumanTaskUi(r -> r.humanTaskUiName("review-ui").uiTemplate(t -> t.content("<p>review</p>")));
        sageMaker.createFlowDefinition(r -> r.flowDefinitionName(name).roleArn("arn:aws:iam::123456789012:role/r")
                .outputConfig(o -> o.s3OutputPath("s3://b/a2i"))
                .humanLoopConfig(h -> h.workteamArn(TEAM)
                        .humanTaskUiArn("arn:aws:sagemaker:us-east-1:123456789012:human-task-ui/review-ui")
                        .taskTitle("t").taskDescription("d").taskCount(1)));
    }

    @Test
    void hasLabelingJob_leads_to_the_jobs_assertions() {
        sageMaker.createLabelingJob(job("reviews"));
        sageMaker.describeLabelingJob(r -> r.labelingJobName("reviews")); // OBSERVED(1): the next read is InProgress
        fake.labelObjects("reviews", 4);

        assertThat(fake).hasLabelingJob("reviews").usesWorkteam("labelers").usesWorkteam(TEAM).isInProgress()
                .hasHumanLabeled(4).hasUnlabeled(0);
        assertThat(fake).hasLabelingJob("REVIEWS").hasCounter("TotalLabeled", 4);
        fake.completeLabelingJob("reviews", null);
        assertThat(fake).hasLabelingJob("reviews").isCompleted()
                .hasOutputDatasetS3Uri("s3://b/out/reviews/manifests/output/output.manifest");
    }

    @Test
    void a_missing_job_names_close_matches_and_the_requests_about_it() {
        sageMaker.createLabelingJob(job("reviews-2024"));
        catchThrowable(() -> sageMaker.createLabelingJob(job("reviews-2025").toBuilder()
                .humanTaskConfig(job("x").humanTaskConfig().toBuilder().workteamArn(TEAM.replace("labelers", "nobody"))
                        .build()).build()));

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(fake).hasLabelingJob("reviews-2025"))
                .withMessageStartingWith(lines(
                        "Expecting a labeling job named \"reviews-2025\" in account 123456789012, region us-east-1, "
                                + "but there is none.",
                        "Did you mean: \"reviews-2024\"?",
                        "Labeling jobs there (1): [\"reviews-2024\"]",
                        "Requests naming \"reviews-2025\":",
                        "  #3 CreateLabelingJob"));
    }

    @Test
    void the_wrong_team_or_status_says_what_it_is() {
        sageMaker.createLabelingJob(job("reviews"));

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(fake).hasLabelingJob("reviews").usesWorkteam("reviewers"))
                .withMessage("Expecting labeling job \"reviews\" to use work team \"reviewers\", but it uses \"" + TEAM + "\"");
        fake.failLabelingJob("reviews", "No access to s3://b/in.manifest.");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(fake).hasLabelingJob("reviews").isInProgress())
                .withMessage("Expecting labeling job \"reviews\" to have status \"InProgress\", but was \"Failed\" "
                        + "(FailureReason: \"No access to s3://b/in.manifest.\")");
        assertThat(fake).hasLabelingJob("reviews").hasFailed("No access to s3://b/in.manifest.");
    }

    @Test
    void flow_definitions_and_task_uis_have_their_own_assertions() throws Exception {
        flow("review");

        assertThat(fake).hasFlowDefinition("review").usesWorkteam("labelers").usesHumanTaskUi("review-ui").isInitializing();
        sageMaker.describeFlowDefinition(r -> r.flowDefinitionName("review"));
        assertThat(fake).hasFlowDefinition("review").isActive();
        assertThat(fake).hasHumanTaskUi("review-ui").hasContent("<p>review</p>")
                .hasContentSha256(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest("<p>review</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(fake).doesNotHaveFlowDefinition("other").doesNotHaveHumanTaskUi("other").doesNotHaveLabelingJob("x");

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(fake).hasFlowDefinition("reveiw"))
                .withMessageStartingWith(lines(
                        "Expecting a flow definition named \"reveiw\" in account 123456789012, region us-east-1, "
                                + "but there is none.",
                        "Did you mean: \"review\"?",
                        "Flow definitions there (1): [\"review\"]",
                        "Requests naming \"reveiw\": none in the journal."));
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(fake).hasHumanTaskUi("ui"))
                .withMessageContaining("Human task UIs there (1): [\"review-ui\"]");
    }

    @Test
    void a_failed_flow_shows_its_reason() {
        fake.addFault(FaultRule.forOperation("CreateFlowDefinition").once().failProvisioning("The role cannot be assumed."));
        flow("review");
        sageMaker.describeFlowDefinition(r -> r.flowDefinitionName("review"));

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(fake).hasFlowDefinition("review").isActive())
                .withMessage("Expecting flow definition \"review\" to have status \"Active\", but was \"Failed\" "
                        + "(FailureReason: \"The role cannot be assumed.\")");
    }

    @Test
    void bdd_and_direct_entry_points_take_the_snapshots() {
        sageMaker.createLabelingJob(job("reviews"));
        flow("review");

        SageMakerWorkforceBddAssertions.then(fake.state().labelingJob("reviews").orElseThrow()).isInitializing();
        SageMakerWorkforceBddAssertions.then(fake.state().flowDefinition("review").orElseThrow()).isInitializing();
        assertThat(fake.state().humanTaskUi("review-ui").orElseThrow()).hasContent("<p>review</p>");
    }

    @Test
    void soft_assertions_collect_labeling_failures() {
        SageMakerWorkforceSoftAssertions softly = new SageMakerWorkforceSoftAssertions();
        softly.assertThat(fake).hasLabelingJob("missing").isInProgress();
        softly.assertThat(fake).hasFlowDefinition("missing").isActive();
        assertThatExceptionOfType(AssertionError.class).isThrownBy(softly::assertAll)
                .withMessageContaining("labeling job named \"missing\"")
                .withMessageContaining("flow definition named \"missing\"");
    }
}
