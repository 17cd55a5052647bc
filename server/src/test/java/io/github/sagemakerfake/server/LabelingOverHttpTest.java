package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.admin.RemoteFakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.LabelingJobAction;
import io.github.sagemakerfake.control.StubAnswer;
import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.control.FakeControl;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.FlowDefinitionStatus;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * The labeling plane over the real wire: the Java SDK (sync over Apache, async over Netty), boto3
 * and the AWS CLI, plus the admin API's job drivers and stubs through {@link RemoteFakeControl}.
 * boto3 and the CLI are skipped where not installed (CI requires them).
 */
class LabelingOverHttpTest {

    private static final String TEAM = "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/labelers";
    private static final String ROLE = "arn:aws:iam::123456789012:role/GroundTruth";

    private FakeControl fake;
    private SageMakerWorkforceServer server;

    @BeforeEach
    void start() {
        server = SageMakerWorkforceServer.start(FakeSettings.defaults());
        fake = server.control();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static CreateLabelingJobRequest job(String name) {
        return CreateLabelingJobRequest.builder().labelingJobName(name).labelAttributeName("label").roleArn(ROLE)
                .inputConfig(i -> i.dataSource(d -> d.snsDataSource(s -> s.snsTopicArn("arn:aws:sns:us-east-1:123456789012:in"))))
                .outputConfig(o -> o.s3OutputPath("s3://bucket/out"))
                .humanTaskConfig(h -> h.workteamArn(TEAM).uiConfig(u -> u.uiTemplateS3Uri("s3://bucket/t.liquid"))
                        .taskTitle("t").taskDescription("d").numberOfHumanWorkersPerDataObject(3).taskTimeLimitInSeconds(60))
                .build();
    }

    @Test
    void theSyncAndAsyncSdkClientsDriveEveryOperationWithTypedErrors() {
        try (SageMakerClient sync = TestClients.apache(server.endpoint());
             SageMakerAsyncClient async = TestClients.netty(server.endpoint())) {
            sync.createWorkteam(r -> r.workteamName("labelers").description("d")
                    .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123")));

            String ui = async.createHumanTaskUi(r -> r.humanTaskUiName("ui").uiTemplate(t -> t.content("<p/>")))
                    .join().humanTaskUiArn();
            assertThat(sync.describeHumanTaskUi(r -> r.humanTaskUiName("ui")).uiTemplate().contentSha256()).hasSize(64);
            assertThat(async.listHumanTaskUis(r -> { }).join().humanTaskUiSummaries()).hasSize(1);
            sync.createFlowDefinition(r -> r.flowDefinitionName("flow").roleArn(ROLE)
                    .outputConfig(o -> o.s3OutputPath("s3://b/o"))
                    .humanLoopConfig(h -> h.workteamArn(TEAM).humanTaskUiArn(ui).taskTitle("t").taskDescription("d")
                            .taskCount(1)));
            assertThat(async.describeFlowDefinition(r -> r.flowDefinitionName("flow")).join().flowDefinitionStatus())
                    .isEqualTo(FlowDefinitionStatus.INITIALIZING);
            assertThat(sync.listFlowDefinitionsPaginator(r -> { }).flowDefinitionSummaries().stream().findFirst()
                    .orElseThrow().flowDefinitionStatus()).isEqualTo(FlowDefinitionStatus.ACTIVE);
            async.deleteFlowDefinition(r -> r.flowDefinitionName("flow")).join();
            sync.describeFlowDefinition(r -> r.flowDefinitionName("flow"));
            assertThatThrownBy(() -> sync.describeFlowDefinition(r -> r.flowDefinitionName("flow")))
                    .isInstanceOf(ResourceNotFoundException.class);
            sync.deleteHumanTaskUi(r -> r.humanTaskUiName("ui"));
            assertThat(async.deleteHumanTaskUi(r -> r.humanTaskUiName("ui"))).failsWithin(Duration.ofSeconds(10))
                    .withThrowableThat().havingCause().isInstanceOf(ResourceNotFoundException.class);

            async.createLabelingJob(job("stream")).join();
            assertThatThrownBy(() -> sync.createLabelingJob(job("STREAM"))).isInstanceOf(ResourceInUseException.class);
            assertThat(sync.describeLabelingJob(r -> r.labelingJobName("stream")).labelingJobStatus())
                    .isEqualTo(LabelingJobStatus.INITIALIZING);
            assertThat(async.listLabelingJobs(r -> { }).join().labelingJobSummaryList())
                    .extracting(LabelingJobSummary::labelingJobStatus).containsExactly(LabelingJobStatus.IN_PROGRESS);
            async.stopLabelingJob(r -> r.labelingJobName("stream")).join();
            assertThat(sync.listLabelingJobsPaginator().labelingJobSummaryList()).extracting(LabelingJobSummary::labelingJobStatus)
                    .containsExactly(LabelingJobStatus.STOPPING);
            assertThatThrownBy(() -> sync.describeLabelingJob(r -> r.labelingJobName("nope")))
                    .isInstanceOfSatisfying(SageMakerException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        }
        assertThat(fake.journal()).extracting(e -> e.operation()).contains("CreateLabelingJob", "DescribeLabelingJob",
                "ListLabelingJobs", "StopLabelingJob", "CreateFlowDefinition", "DescribeFlowDefinition",
                "ListFlowDefinitions", "DeleteFlowDefinition", "CreateHumanTaskUi", "DescribeHumanTaskUi",
                "ListHumanTaskUis", "DeleteHumanTaskUi");
    }

    @Test
    void theAdminApiDrivesJobsAndAnswersStubbedOperations() {
        RemoteFakeControl remote = RemoteFakeControl.connect(server.endpoint());
        try (SageMakerClient sync = TestClients.apache(server.endpoint())) {
            sync.createWorkteam(r -> r.workteamName("labelers").description("d")
                    .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123")));
            sync.createLabelingJob(job("j"));

            remote.driveLabelingJob("123456789012", "us-east-1", "j", LabelingJobAction.addObjects(5));
            remote.labelObjects("j", 2);
            assertThat(remote.state().labelingJob("j").orElseThrow().labelCounter("Unlabeled")).isEqualTo(3);
            remote.completeLabelingJob("j", null);
            assertThat(sync.describeLabelingJob(r -> r.labelingJobName("j")).labelingJobOutput().outputDatasetS3Uri())
                    .isEqualTo("s3://bucket/out/j/manifests/output/output.manifest");
            assertThatThrownBy(() -> remote.labelObjects("j", 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Labeling job j is Completed");
            assertThatThrownBy(() -> remote.labelObjects("other", 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("There is no labeling job named other");

            assertThatThrownBy(() -> sync.createModel(r -> r.modelName("m").executionRoleArn(ROLE)))
                    .hasMessageContaining("POST /_fake/stubs");
            remote.stub("CreateModel", StubAnswer.json("{\"ModelArn\":\"arn:aws:sagemaker:us-east-1:123456789012:model/m\"}"));
            remote.stub("DeleteModel", StubAnswer.error("ValidationException", 400, "Could not find model."));
            assertThat(sync.createModel(r -> r.modelName("m").executionRoleArn(ROLE)).modelArn()).endsWith(":model/m");
            assertThatThrownBy(() -> sync.deleteModel(r -> r.modelName("m"))).hasMessageContaining("Could not find model.");
            assertThatThrownBy(() -> remote.stub("ListWorkteams", StubAnswer.json("{}")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be stubbed");
            remote.clearStubs();
            assertThatThrownBy(() -> sync.createModel(r -> r.modelName("m").executionRoleArn(ROLE)))
                    .hasMessageContaining("is not served");
        }
    }

    // ------------------------------------------------------------------ boto3 and the AWS CLI

    @Test
    @SuppressWarnings("unchecked")
    void boto3CallsEveryLabelingOperation() throws Exception {
        ClientCompatibilityTest.requireClient(ClientCompatibilityTest.run(List.of("python3", "-c", "import boto3"), Map.of()).exit() == 0, "python3 with boto3");
        ClientCompatibilityTest.Result result = ClientCompatibilityTest.run(List.of("python3", Path.of(System.getProperty("basedir", "."), "src", "test", "python",
                "boto3_labeling.py").toString(), server.endpoint().toString()), awsEnv());
        assertThat(result.exit()).as(result.stderr()).isZero();
        Map<String, Object> steps = (Map<String, Object>) Json.parse(result.stdout());

        assertThat(ClientCompatibilityTest.ok(steps, "CreateHumanTaskUi")).containsEntry("HumanTaskUiArn",
                "arn:aws:sagemaker:us-east-1:123456789012:human-task-ui/review-ui");
        assertThat(ClientCompatibilityTest.error(steps, "CreateHumanTaskUi duplicate")).containsEntry("Code", "ResourceInUse");
        assertThat((Map<String, Object>) ClientCompatibilityTest.ok(steps, "DescribeHumanTaskUi").get("UiTemplate")).containsKeys("Url", "ContentSha256");
        assertThat(ClientCompatibilityTest.error(steps, "DescribeHumanTaskUi missing")).containsEntry("Code", "ResourceNotFound")
                .containsEntry("Status", BigDecimal.valueOf(400));
        assertThat((List<?>) ClientCompatibilityTest.ok(steps, "ListHumanTaskUis").get("HumanTaskUiSummaries")).hasSize(1);
        assertThat(ClientCompatibilityTest.ok(steps, "CreateFlowDefinition")).containsKey("FlowDefinitionArn");
        assertThat((String) ClientCompatibilityTest.error(steps, "CreateFlowDefinition unknown team").get("Message"))
                .isEqualTo("The specified Workteam 'arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/nobody'"
                        + " does not exist or you do not have access to it.");
        assertThat(ClientCompatibilityTest.ok(steps, "DescribeFlowDefinition first")).containsEntry("FlowDefinitionStatus", "Initializing");
        assertThat(ClientCompatibilityTest.error(steps, "DeleteFlowDefinition while Initializing")).containsEntry("Code", "ResourceInUse");
        assertThat(ClientCompatibilityTest.ok(steps, "DescribeFlowDefinition second")).containsEntry("FlowDefinitionStatus", "Active");
        assertThat((List<?>) ClientCompatibilityTest.ok(steps, "ListFlowDefinitions").get("FlowDefinitionSummaries")).hasSize(1);
        assertThat(ClientCompatibilityTest.ok(steps, "DeleteFlowDefinition")).isEmpty();
        assertThat(ClientCompatibilityTest.ok(steps, "DescribeFlowDefinition deleting")).containsEntry("FlowDefinitionStatus", "Deleting");
        assertThat(ClientCompatibilityTest.error(steps, "DescribeFlowDefinition gone")).containsEntry("Code", "ResourceNotFound");
        assertThat(ClientCompatibilityTest.ok(steps, "DeleteHumanTaskUi")).isEmpty();
        assertThat(ClientCompatibilityTest.error(steps, "DeleteHumanTaskUi again")).containsEntry("Code", "ResourceNotFound");

        assertThat(ClientCompatibilityTest.ok(steps, "CreateLabelingJob")).containsEntry("LabelingJobArn",
                "arn:aws:sagemaker:us-east-1:123456789012:labeling-job/Reviews");
        assertThat(ClientCompatibilityTest.error(steps, "CreateLabelingJob same name other case")).containsEntry("Code", "ResourceInUse");
        assertThat((String) ClientCompatibilityTest.error(steps, "CreateLabelingJob bad name").get("Message"))
                .contains("at 'labelingJobName' failed to satisfy constraint");
        Map<String, Object> first = ClientCompatibilityTest.ok(steps, "DescribeLabelingJob first");
        assertThat(first).containsEntry("LabelingJobStatus", "Initializing");
        assertThat((Map<String, Object>) first.get("OutputConfig")).containsEntry("KmsKeyId", "");
        assertThat(ClientCompatibilityTest.error(steps, "DescribeLabelingJob missing")).containsEntry("Code", "ValidationException");
        assertThat((Map<String, Object>) ClientCompatibilityTest.ok(steps, "DescribeLabelingJob labeled").get("LabelCounters"))
                .containsEntry("HumanLabeled", BigDecimal.valueOf(4)).containsEntry("Unlabeled", BigDecimal.valueOf(6));
        assertThat((List<Map<String, Object>>) ClientCompatibilityTest.ok(steps, "ListLabelingJobsForWorkteam").get("LabelingJobSummaryList"))
                .singleElement().satisfies(j -> assertThat(j).containsEntry("LabelingJobName", "Reviews"));
        assertThat((List<?>) ClientCompatibilityTest.ok(steps, "ListTags").get("Tags")).hasSize(1);
        assertThat(ClientCompatibilityTest.ok(steps, "ListLabelingJobs paginated")).containsEntry("Pages", BigDecimal.valueOf(3));
        assertThat(ClientCompatibilityTest.ok(steps, "StopLabelingJob")).isEmpty();
        assertThat(ClientCompatibilityTest.ok(steps, "DescribeLabelingJob stopping")).containsEntry("LabelingJobStatus", "Stopping");
        assertThat(ClientCompatibilityTest.ok(steps, "DescribeLabelingJob stopped")).containsEntry("LabelingJobStatus", "Stopped");
        assertThat(ClientCompatibilityTest.error(steps, "StopLabelingJob missing")).containsEntry("Code", "ValidationException");
        assertThat((List<?>) ClientCompatibilityTest.ok(steps, "ListLabelingJobs stopped").get("LabelingJobSummaryList")).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAwsCliCallsTheLabelingOperations() throws Exception {
        ClientCompatibilityTest.requireClient(ClientCompatibilityTest.run(List.of("aws", "--version"), Map.of()).exit() == 0, "the AWS CLI (aws)");
        cli("create-workteam", "--workteam-name", "labelers", "--description", "d", "--member-definitions",
                "[{\"CognitoMemberDefinition\":{\"UserPool\":\"us-east-1_abc123\",\"ClientId\":\"c\",\"UserGroup\":\"g\"}}]");
        String ui = (String) cli("create-human-task-ui", "--human-task-ui-name", "ui", "--ui-template", "Content=<p/>")
                .get("HumanTaskUiArn");
        assertThat((List<?>) cli("list-human-task-uis").get("HumanTaskUiSummaries")).hasSize(1);
        assertThat((Map<String, Object>) cli("describe-human-task-ui", "--human-task-ui-name", "ui").get("UiTemplate"))
                .containsKey("ContentSha256");
        cli("create-flow-definition", "--flow-definition-name", "flow", "--role-arn", ROLE,
                "--output-config", "S3OutputPath=s3://b/o", "--human-loop-config",
                "{\"WorkteamArn\":\"" + TEAM + "\",\"HumanTaskUiArn\":\"" + ui
                        + "\",\"TaskTitle\":\"t\",\"TaskDescription\":\"d\",\"TaskCount\":1}");
        assertThat(cli("describe-flow-definition", "--flow-definition-name", "flow"))
                .containsEntry("FlowDefinitionStatus", "Initializing");
        assertThat((List<?>) cli("list-flow-definitions").get("FlowDefinitionSummaries")).hasSize(1);
        cli("delete-flow-definition", "--flow-definition-name", "flow");
        cli("delete-human-task-ui", "--human-task-ui-name", "ui");
        assertThat(cliError("describe-human-task-ui", "--human-task-ui-name", "ui")).contains("(ResourceNotFound)");

        cli("create-labeling-job", "--labeling-job-name", "cli-job", "--label-attribute-name", "label",
                "--role-arn", ROLE, "--input-config", "{\"DataSource\":{\"S3DataSource\":{\"ManifestS3Uri\":\"s3://b/m\"}}}",
                "--output-config", "S3OutputPath=s3://b/out", "--human-task-config",
                "{\"WorkteamArn\":\"" + TEAM + "\",\"UiConfig\":{\"UiTemplateS3Uri\":\"s3://b/t\"},\"TaskTitle\":\"t\","
                        + "\"TaskDescription\":\"d\",\"NumberOfHumanWorkersPerDataObject\":1,\"TaskTimeLimitInSeconds\":60}");
        assertThat(cli("describe-labeling-job", "--labeling-job-name", "cli-job")).containsEntry("LabelingJobStatus", "Initializing");
        assertThat((List<?>) cli("list-labeling-jobs").get("LabelingJobSummaryList")).hasSize(1);
        cli("stop-labeling-job", "--labeling-job-name", "cli-job");
        assertThat(cliError("describe-labeling-job", "--labeling-job-name", "nope"))
                .contains("(ValidationException) when calling the DescribeLabelingJob operation: Could not find labeling job");
        assertThat(fake.state().labelingJob("cli-job").orElseThrow().status()).isEqualTo("Stopping");
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, String> awsEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "123456789012");
        env.put("AWS_SECRET_ACCESS_KEY", "x");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        return env;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> cli(String... args) throws Exception {
        ClientCompatibilityTest.Result r = runCli(args);
        assertThat(r.exit()).as(String.join(" ", args) + ": " + r.stderr()).isZero();
        return r.stdout().isBlank() ? Map.of() : (Map<String, Object>) Json.parse(r.stdout());
    }

    private String cliError(String... args) throws Exception {
        ClientCompatibilityTest.Result r = runCli(args);
        assertThat(r.exit()).as(String.join(" ", args)).isNotZero();
        return r.stderr();
    }

    private ClientCompatibilityTest.Result runCli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", server.endpoint().toString(),
                "--output", "json", "sagemaker"));
        command.addAll(List.of(args));
        return ClientCompatibilityTest.run(command, awsEnv());
    }
}
