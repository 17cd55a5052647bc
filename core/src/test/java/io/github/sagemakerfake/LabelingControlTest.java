package io.github.sagemakerfake;

import static io.github.sagemakerfake.LabelingRequests.BUILT_IN_UI;
import static io.github.sagemakerfake.LabelingRequests.labelingJob;
import static io.github.sagemakerfake.Requests.cognitoTeam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.LabelingJobAction;
import io.github.sagemakerfake.control.LabelingJobSnapshot;
import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.control.StubAnswer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelCountersForWorkteam;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobForWorkteamSummary;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** The control surface's labeling-plane parts: job drivers, seeds, snapshots, faults and stubs. */
class LabelingControlTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void labelingObjectsMovesTheCountersThatBothViewsShow() {
        String team = sageMaker.createWorkteam(cognitoTeam("labelers")).workteamArn();
        sageMaker.createLabelingJob(labelingJob("reviews", team));

        fake.driveLabelingJob(fake.defaultAccount(), fake.defaultRegion(), "reviews", LabelingJobAction.addObjects(100));
        fake.labelObjects("reviews", 60);
        fake.driveLabelingJob(fake.defaultAccount(), fake.defaultRegion(), "REVIEWS", LabelingJobAction.label(0, 10, 2));

        DescribeLabelingJobResponse job = sageMaker.describeLabelingJob(r -> r.labelingJobName("reviews"));
        assertThat(job.labelingJobStatus()).isEqualTo(LabelingJobStatus.IN_PROGRESS);
        assertThat(job.labelCounters().humanLabeled()).isEqualTo(60);
        assertThat(job.labelCounters().machineLabeled()).isEqualTo(10);
        assertThat(job.labelCounters().totalLabeled()).isEqualTo(70);
        assertThat(job.labelCounters().failedNonRetryableError()).isEqualTo(2);
        assertThat(job.labelCounters().unlabeled()).isEqualTo(28);

        List<LabelingJobForWorkteamSummary> forTeam = sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(team))
                .labelingJobSummaryList();
        assertThat(forTeam).hasSize(1);
        LabelingJobForWorkteamSummary summary = forTeam.get(0);
        assertThat(summary.labelingJobName()).isEqualTo("reviews");
        assertThat(summary.jobReferenceCode()).isEqualTo(job.jobReferenceCode());
        assertThat(summary.workRequesterAccountId()).isEqualTo("123456789012");
        assertThat(summary.numberOfHumanWorkersPerDataObject()).isEqualTo(1);
        assertThat(summary.labelCounters()).isEqualTo(LabelCountersForWorkteam.builder()
                .humanLabeled(60).pendingHuman(28).total(100).build());
        assertThat(sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(team)
                .jobReferenceCodeContains(job.jobReferenceCode().substring(12))).labelingJobSummaryList()).hasSize(1);
    }

    @Test
    void completingGivesTheOutputAndFailingGivesTheReason() {
        String team = sageMaker.createWorkteam(cognitoTeam("labelers")).workteamArn();
        sageMaker.createLabelingJob(labelingJob("done", team));
        sageMaker.createLabelingJob(labelingJob("broken", team));
        sageMaker.createLabelingJob(labelingJob("custom", team));

        fake.completeLabelingJob("done", null);
        fake.failLabelingJob("broken", "The input manifest is not readable.");
        fake.driveLabelingJob(fake.defaultAccount(), fake.defaultRegion(), "custom",
                LabelingJobAction.complete("s3://bucket/final.manifest", "arn:aws:sagemaker:us-east-1:123456789012:model/m"));

        DescribeLabelingJobResponse done = sageMaker.describeLabelingJob(r -> r.labelingJobName("done"));
        assertThat(done.labelingJobStatus()).isEqualTo(LabelingJobStatus.COMPLETED);
        assertThat(done.labelingJobOutput().outputDatasetS3Uri())
                .isEqualTo("s3://bucket/out/done/manifests/output/output.manifest");
        DescribeLabelingJobResponse broken = sageMaker.describeLabelingJob(r -> r.labelingJobName("broken"));
        assertThat(broken.labelingJobStatus()).isEqualTo(LabelingJobStatus.FAILED);
        assertThat(broken.failureReason()).isEqualTo("The input manifest is not readable.");
        assertThat(sageMaker.describeLabelingJob(r -> r.labelingJobName("custom")).labelingJobOutput()
                .finalActiveLearningModelArn()).isEqualTo("arn:aws:sagemaker:us-east-1:123456789012:model/m");

        assertThatThrownBy(() -> fake.labelObjects("done", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Labeling job done is Completed; it can have objects labeled only while it is InProgress.");
        assertThatThrownBy(() -> fake.failLabelingJob("broken", "again")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fake.labelObjects("missing", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("There is no labeling job named missing");
    }

    @Test
    void seededWorkteamJobsStillListBesideCreatedOnes() {
        fake.seed("""
                {"Workteams": [{"WorkteamName": "labelers", "Description": "d", "MemberDefinitions": [
                   {"CognitoMemberDefinition": {"UserPool": "us-east-1_AbCdEf123", "ClientId": "c", "UserGroup": "g"}}]}],
                 "HumanTaskUis": [{"HumanTaskUiName": "ui", "UiTemplate": {"Content": "<p>hi</p>"}}],
                 "FlowDefinitions": [{"FlowDefinitionName": "review", "RoleArn": "arn:aws:iam::123456789012:role/r",
                   "OutputConfig": {"S3OutputPath": "s3://b/o"},
                   "HumanLoopConfig": {"WorkteamArn": "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/labelers",
                     "HumanTaskUiArn": "arn:aws:sagemaker:us-east-1:123456789012:human-task-ui/ui",
                     "TaskTitle": "t", "TaskDescription": "d", "TaskCount": 1}}],
                 "LabelingJobs": [
                   {"WorkteamName": "labelers", "JobReferenceCode": "seeded-code-1", "CreationTime": "2024-05-01T12:00:00Z"},
                   {"LabelingJobName": "created", "LabelAttributeName": "label", "RoleArn": "arn:aws:iam::123456789012:role/r",
                    "InputConfig": {"DataSource": {"S3DataSource": {"ManifestS3Uri": "s3://b/in.manifest"}}},
                    "OutputConfig": {"S3OutputPath": "s3://b/out/"},
                    "HumanTaskConfig": {"WorkteamArn": "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/labelers",
                      "UiConfig": {"UiTemplateS3Uri": "s3://b/t.liquid"}, "TaskTitle": "t", "TaskDescription": "d",
                      "NumberOfHumanWorkersPerDataObject": 1, "TaskTimeLimitInSeconds": 60}}]}
                """);

        RegionSnapshot state = fake.state();
        assertThat(state.humanTaskUiNames()).containsExactly("ui");
        assertThat(state.flowDefinition("review").orElseThrow().status()).isEqualTo("Active");
        LabelingJobSnapshot created = state.labelingJob("created").orElseThrow();
        assertThat(created.status()).isEqualTo("InProgress");
        String team = "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/labelers";
        assertThat(sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(team)).labelingJobSummaryList())
                .extracting(LabelingJobForWorkteamSummary::jobReferenceCode)
                .containsExactly("seeded-code-1", created.jobReferenceCode());
    }

    @Test
    void aSeedThatBreaksARuleChangesNothing() {
        assertThatThrownBy(() -> fake.seed("""
                {"HumanTaskUis": [{"HumanTaskUiName": "ui", "UiTemplate": {"Content": "x"}}],
                 "FlowDefinitions": [{"FlowDefinitionName": "f", "RoleArn": "arn:aws:iam::123456789012:role/r",
                   "OutputConfig": {"S3OutputPath": "s3://b/o"},
                   "HumanLoopConfig": {"WorkteamArn": "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/none",
                     "HumanTaskUiArn": "arn:aws:sagemaker:us-east-1:123456789012:human-task-ui/ui",
                     "TaskTitle": "t", "TaskDescription": "d", "TaskCount": 1}}]}
                """)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FlowDefinitions[0] was refused with ValidationException: The specified Workteam");
        assertThat(fake.state().isEmpty()).isTrue();
    }

    @Test
    void faultRulesApplyToTheNewOperations() {
        String team = sageMaker.createWorkteam(cognitoTeam("labelers")).workteamArn();
        fake.addFault(FaultRule.forOperation("DescribeLabelingJob").once().throttle());
        fake.addFault(FaultRule.forOperation("CreateLabelingJob").once().failProvisioning("No access to the manifest."));
        sageMaker.createLabelingJob(labelingJob("j", team));

        // the SDK retries the throttled call; then the failed provisioning shows after the Initializing read
        assertThat(sageMaker.describeLabelingJob(r -> r.labelingJobName("j")).labelingJobStatus())
                .isEqualTo(LabelingJobStatus.INITIALIZING);
        DescribeLabelingJobResponse failed = sageMaker.describeLabelingJob(r -> r.labelingJobName("j"));
        assertThat(failed.labelingJobStatus()).isEqualTo(LabelingJobStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("No access to the manifest.");
        assertThat(fake.journal()).extracting(e -> e.operation() + " " + e.statusCode())
                .contains("DescribeLabelingJob 400", "DescribeLabelingJob 200");
    }

    @Test
    void anUnservedOperationCanBeStubbedAndOtherwiseSaysHowTo() {
        assertThatThrownBy(() -> sageMaker.createModel(r -> r.modelName("m")
                .executionRoleArn("arn:aws:iam::123456789012:role/r")))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("fake.stub(\"CreateModel\"",
                            "POST /_fake/stubs");
                });

        fake.stub("CreateModel", request -> StubAnswer.json("{\"ModelArn\":\"arn:aws:sagemaker:us-east-1:123456789012:model/"
                + request.replaceAll(".*\"ModelName\":\"([^\"]+)\".*", "$1") + "\"}"));
        fake.stub("DescribeModel", StubAnswer.error("ValidationException", 400, "Could not find model \"m\"."));

        assertThat(sageMaker.createModel(r -> r.modelName("m").executionRoleArn("arn:aws:iam::123456789012:role/r"))
                .modelArn()).isEqualTo("arn:aws:sagemaker:us-east-1:123456789012:model/m");
        assertThatThrownBy(() -> sageMaker.describeModel(r -> r.modelName("m")))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Could not find model \"m\".");
                });
        assertThat(fake.journal()).extracting(e -> e.operation()).contains("CreateModel", "DescribeModel");
        assertThat(fake.journal().stream().filter(e -> e.operation().equals("CreateModel")).toList().get(1).request())
                .containsEntry("ModelName", "m");

        assertThatThrownBy(() -> fake.stub("CreateWorkteam", StubAnswer.json("{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be stubbed");
        fake.reset();
        assertThatThrownBy(() -> sageMaker.describeModel(r -> r.modelName("m")))
                .hasMessageContaining("is not served by the SageMaker Workforce Fake");
    }

    @Test
    void aSnapshotOfTheLabelingPlaneSeedsAnEqualOne() {
        String team = sageMaker.createWorkteam(cognitoTeam("labelers")).workteamArn();
        String ui = sageMaker.createHumanTaskUi(LabelingRequests.taskUi("ui")).humanTaskUiArn();
        sageMaker.createFlowDefinition(LabelingRequests.flow("f", team, ui));
        sageMaker.createLabelingJob(labelingJob("running", team).toBuilder()
                .tags(software.amazon.awssdk.services.sagemaker.model.Tag.builder().key("k").value("v").build()).build());
        sageMaker.createLabelingJob(labelingJob("done", team));
        sageMaker.createLabelingJob(labelingJob("broken", team));
        fake.driveLabelingJob(fake.defaultAccount(), fake.defaultRegion(), "running", LabelingJobAction.addObjects(9));
        fake.labelObjects("running", 4);
        fake.completeLabelingJob("done", null);
        fake.failLabelingJob("broken", "No manifest.");
        sageMaker.describeFlowDefinition(r -> r.flowDefinitionName("f")); // Initializing, read once: Active next
        RegionSnapshot state = fake.state();

        Map<String, Object> seed = new java.util.LinkedHashMap<>();
        seed.put("Workteams", List.of(Map.of("WorkteamName", "labelers", "Description", "Team labelers",
                "MemberDefinitions", state.workteam("labelers").orElseThrow().memberDefinitions())));
        seed.put("HumanTaskUis", state.humanTaskUis().stream().map(u -> u.toMap()).toList());
        seed.put("FlowDefinitions", state.flowDefinitions().stream().map(f -> f.toMap()).toList());
        seed.put("LabelingJobs", state.labelingJobList().stream().map(j -> j.toMap()).toList());
        try (SageMakerWorkforceFake restored = SageMakerWorkforceFake.create()) {
            restored.seed(io.github.sagemakerfake.internal.json.Json.write(seed));
            RegionSnapshot again = restored.state();
            assertThat(again.labelingJobList()).isEqualTo(state.labelingJobList());
            assertThat(again.humanTaskUis()).isEqualTo(state.humanTaskUis());
            assertThat(again.flowDefinitions()).isEqualTo(fake.state().flowDefinitions());
            assertThat(again.labelingJob("running").orElseThrow().labelCounter("Unlabeled")).isEqualTo(5);
        }
    }

    @Test
    void settlingEndsTheTransitionsOfJobsAndFlowDefinitions() {
        String team = sageMaker.createWorkteam(cognitoTeam("labelers")).workteamArn();
        sageMaker.createLabelingJob(labelingJob("starting", team));
        sageMaker.createLabelingJob(labelingJob("stopping", team));
        fake.labelObjects("stopping", 1); // starts it
        sageMaker.stopLabelingJob(r -> r.labelingJobName("stopping"));
        sageMaker.createFlowDefinition(LabelingRequests.flow("f", team, BUILT_IN_UI));

        assertThat(fake.settleTransitions()).as("the team's implicit workforce, two jobs and the flow").isEqualTo(4);
        RegionSnapshot state = fake.state();
        assertThat(state.labelingJob("starting").orElseThrow().status()).isEqualTo("InProgress");
        assertThat(state.labelingJob("stopping").orElseThrow().status()).isEqualTo("Stopped");
        assertThat(state.flowDefinition("f").orElseThrow().status()).isEqualTo("Active");
        sageMaker.deleteFlowDefinition(r -> r.flowDefinitionName("f"));
        assertThat(fake.settleTransitions()).isEqualTo(1);
        assertThat(fake.state().flowDefinitions()).isEmpty();
    }

    @Test
    void snapshotsRoundTripThroughTheirJsonForm() {
        String team = sageMaker.createWorkteam(cognitoTeam("labelers")).workteamArn();
        String ui = sageMaker.createHumanTaskUi(LabelingRequests.taskUi("ui")).humanTaskUiArn();
        sageMaker.createFlowDefinition(LabelingRequests.flow("f", team, ui));
        sageMaker.createLabelingJob(labelingJob("j", team).toBuilder()
                .humanTaskConfig(labelingJob("j", team).humanTaskConfig().toBuilder()
                        .uiConfig(u -> u.humanTaskUiArn(BUILT_IN_UI)).build()).build());
        fake.labelObjects("j", 3);

        RegionSnapshot state = fake.state();
        RegionSnapshot back = RegionSnapshot.fromMap(
                (Map<String, Object>) io.github.sagemakerfake.internal.json.Json.parse(state.toString()));
        assertThat(back).isEqualTo(state);
        assertThat(back.labelingJob("J").orElseThrow().labelCounter("HumanLabeled")).isEqualTo(3);
        assertThat(back.flowDefinition("f").orElseThrow().workteamArn()).hasValue(team);
    }
}
