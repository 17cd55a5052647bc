package io.github.sagemakerfake;

import static io.github.sagemakerfake.LabelingRequests.BUILT_IN_UI;
import static io.github.sagemakerfake.LabelingRequests.PUBLIC_CROWD;
import static io.github.sagemakerfake.LabelingRequests.TEMPLATE;
import static io.github.sagemakerfake.LabelingRequests.flow;
import static io.github.sagemakerfake.LabelingRequests.taskUi;
import static io.github.sagemakerfake.Requests.cognitoTeam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.HumanTaskUiSnapshot;
import io.github.sagemakerfake.control.Lifecycle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeFlowDefinitionResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeHumanTaskUiResponse;
import software.amazon.awssdk.services.sagemaker.model.FlowDefinitionStatus;
import software.amazon.awssdk.services.sagemaker.model.FlowDefinitionSummary;
import software.amazon.awssdk.services.sagemaker.model.HumanTaskUiStatus;
import software.amazon.awssdk.services.sagemaker.model.HumanTaskUiSummary;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;
import software.amazon.awssdk.services.sagemaker.model.Tag;

class FlowDefinitionsAndTaskUisTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    @AfterEach
    void close() {
        fake.close();
    }

    private String team() {
        return sageMaker.createWorkteam(cognitoTeam("reviewers")).workteamArn();
    }

    @Test
    void aTaskUiIsActiveAtOnceWithTheTemplatesDigestAndAnHttpsUrl() throws Exception {
        String arn = sageMaker.createHumanTaskUi(taskUi("review-ui")).humanTaskUiArn();

        assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:123456789012:human-task-ui/review-ui");
        DescribeHumanTaskUiResponse ui = sageMaker.describeHumanTaskUi(r -> r.humanTaskUiName("review-ui"));
        assertThat(ui.humanTaskUiStatus()).isEqualTo(HumanTaskUiStatus.ACTIVE);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(TEMPLATE.getBytes(StandardCharsets.UTF_8)));
        assertThat(ui.uiTemplate().contentSha256()).isEqualTo(expected);
        assertThat(ui.uiTemplate().url()).startsWith("https://");
        HumanTaskUiSnapshot snapshot = fake.state().humanTaskUi("review-ui").orElseThrow();
        assertThat(snapshot.content()).isEqualTo(TEMPLATE);
        assertThat(snapshot.contentSha256()).isEqualTo(expected);
    }

    @Test
    void taskUiNamesAreFreeAgainOnceDeletedAndMissingOnesAreResourceNotFound() {
        sageMaker.createHumanTaskUi(taskUi("ui"));
        assertThatThrownBy(() -> sageMaker.createHumanTaskUi(taskUi("ui"))).isInstanceOf(ResourceInUseException.class);
        sageMaker.deleteHumanTaskUi(r -> r.humanTaskUiName("ui"));

        assertThatThrownBy(() -> sageMaker.describeHumanTaskUi(r -> r.humanTaskUiName("ui")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sageMaker.deleteHumanTaskUi(r -> r.humanTaskUiName("ui")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(sageMaker.listHumanTaskUis(r -> { }).humanTaskUiSummaries()).isEmpty();
        sageMaker.createHumanTaskUi(taskUi("ui"));
        assertThatThrownBy(() -> sageMaker.createHumanTaskUi(taskUi("Upper")))
                .hasMessageContaining("at 'humanTaskUiName' failed to satisfy constraint");
    }

    @Test
    void aFlowInitializesToActiveAndDescribeEchoesTheRequest() {
        String teamArn = team();
        String uiArn = sageMaker.createHumanTaskUi(taskUi("ui")).humanTaskUiArn();
        String arn = sageMaker.createFlowDefinition(flow("review", teamArn, uiArn).toBuilder()
                .humanLoopRequestSource(s -> s.awsManagedHumanLoopRequestSource("AWS/Textract/AnalyzeDocument/Forms/V1"))
                .humanLoopActivationConfig(a -> a.humanLoopActivationConditionsConfig(c -> c.humanLoopActivationConditions(
                        "{\"Conditions\":[{\"ConditionType\":\"Sampling\",\"ConditionParameters\":{\"RandomSamplingPercentage\":5}}]}")))
                .build()).flowDefinitionArn();

        assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:123456789012:flow-definition/review");
        DescribeFlowDefinitionResponse first = sageMaker.describeFlowDefinition(r -> r.flowDefinitionName("review"));
        assertThat(first.flowDefinitionStatus()).isEqualTo(FlowDefinitionStatus.INITIALIZING);
        assertThat(first.humanLoopConfig()).isEqualTo(flow("review", teamArn, uiArn).humanLoopConfig());
        assertThat(first.humanLoopActivationConfig().humanLoopActivationConditionsConfig().humanLoopActivationConditions())
                .contains("RandomSamplingPercentage");
        assertThat(first.outputConfig().s3OutputPath()).isEqualTo("s3://bucket/a2i/");
        assertThat(sageMaker.describeFlowDefinition(r -> r.flowDefinitionName("review")).flowDefinitionStatus())
                .isEqualTo(FlowDefinitionStatus.ACTIVE);
    }

    @Test
    void aFlowsTeamAndOwnTaskUiMustExistWhileAwsOwnedOnesAreAccepted() {
        String teamArn = team();
        String missingUi = "arn:aws:sagemaker:us-east-1:123456789012:human-task-ui/none";
        assertThatThrownBy(() -> sageMaker.createFlowDefinition(flow("f", teamArn, missingUi)))
                .isInstanceOfSatisfying(SageMakerException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The specified HumanTaskUi '" + missingUi + "' does not exist or you do not have access to it."));
        String otherTeam = "arn:aws:sagemaker:us-east-1:111122223333:workteam/private-crowd/reviewers";
        assertThatThrownBy(() -> sageMaker.createFlowDefinition(flow("f", otherTeam, BUILT_IN_UI)))
                .isInstanceOfSatisfying(SageMakerException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The specified Workteam '" + otherTeam + "' does not exist or you do not have access to it."));
        assertThatThrownBy(() -> sageMaker.createFlowDefinition(flow("f", teamArn, BUILT_IN_UI).toBuilder()
                .humanLoopActivationConfig(a -> a.humanLoopActivationConditionsConfig(c -> c.humanLoopActivationConditions("{}")))
                .build()))
                .hasMessageContaining("HumanLoopActivationConfig needs HumanLoopRequestSource");

        sageMaker.createFlowDefinition(flow("public", PUBLIC_CROWD, BUILT_IN_UI));
        sageMaker.createFlowDefinition(flow("vendor",
                "arn:aws:sagemaker:us-east-1:555566667777:workteam/vendor-crowd/acme", BUILT_IN_UI));
        assertThat(fake.state().flowDefinitionNames()).containsExactly("public", "vendor");
    }

    @Test
    void deleteOnlyFromActiveThenDeletingThenGoneAndTheNameIsFreeAgain() {
        fake.close();
        try (SageMakerWorkforceFake timed = SageMakerWorkforceFake.builder()
                .lifecycle(Lifecycle.timed(Duration.ofSeconds(30))).build()) {
            SageMakerClient client = timed.client();
            String teamArn = client.createWorkteam(cognitoTeam("t")).workteamArn();
            client.createFlowDefinition(flow("f", teamArn, BUILT_IN_UI));
            assertThatThrownBy(() -> client.deleteFlowDefinition(r -> r.flowDefinitionName("f")))
                    .isInstanceOf(ResourceInUseException.class)
                    .hasMessageContaining("Flow definition f is Initializing; it can be deleted only when its status is Active.");
            timed.advanceClock(Duration.ofSeconds(30));

            client.deleteFlowDefinition(r -> r.flowDefinitionName("f"));
            assertThat(client.describeFlowDefinition(r -> r.flowDefinitionName("f")).flowDefinitionStatus())
                    .isEqualTo(FlowDefinitionStatus.DELETING);
            assertThatThrownBy(() -> client.createFlowDefinition(flow("f", teamArn, BUILT_IN_UI)))
                    .isInstanceOf(ResourceInUseException.class);
            assertThatThrownBy(() -> client.deleteFlowDefinition(r -> r.flowDefinitionName("f")))
                    .isInstanceOf(ResourceInUseException.class);
            timed.advanceClock(Duration.ofSeconds(30));

            assertThatThrownBy(() -> client.describeFlowDefinition(r -> r.flowDefinitionName("f")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> client.deleteFlowDefinition(r -> r.flowDefinitionName("f")))
                    .isInstanceOf(ResourceNotFoundException.class);
            client.createFlowDefinition(flow("f", teamArn, BUILT_IN_UI));
        }
    }

    @Test
    void aProvisioningFaultMakesTheFlowFailWithItsReason() {
        fake.addFault(FaultRule.forOperation("CreateFlowDefinition").once().failProvisioning("The role cannot be assumed."));
        sageMaker.createFlowDefinition(flow("f", team(), BUILT_IN_UI));
        sageMaker.describeFlowDefinition(r -> r.flowDefinitionName("f"));

        DescribeFlowDefinitionResponse failed = sageMaker.describeFlowDefinition(r -> r.flowDefinitionName("f"));
        assertThat(failed.flowDefinitionStatus()).isEqualTo(FlowDefinitionStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("The role cannot be assumed.");
        assertThat(sageMaker.listFlowDefinitions(r -> { }).flowDefinitionSummaries())
                .extracting(FlowDefinitionSummary::failureReason).containsExactly("The role cannot be assumed.");
        assertThatThrownBy(() -> sageMaker.deleteFlowDefinition(r -> r.flowDefinitionName("f")))
                .isInstanceOf(ResourceInUseException.class);
    }

    @Test
    void listingsPageWithTheSdkPaginatorsInCreationOrder() {
        String teamArn = team();
        for (int i = 0; i < 12; i++) {
            sageMaker.createHumanTaskUi(taskUi("ui-" + i));
            sageMaker.createFlowDefinition(flow("flow-" + i, teamArn, BUILT_IN_UI));
            fake.advanceClock(Duration.ofSeconds(1));
        }
        List<String> uis = sageMaker.listHumanTaskUisPaginator(r -> r.maxResults(5)).humanTaskUiSummaries().stream()
                .map(HumanTaskUiSummary::humanTaskUiName).toList();
        assertThat(uis).hasSize(12).startsWith("ui-0", "ui-1").endsWith("ui-11");
        List<String> flows = sageMaker.listFlowDefinitionsPaginator(r -> r.maxResults(5).sortOrder(SortOrder.DESCENDING))
                .flowDefinitionSummaries().stream().map(FlowDefinitionSummary::flowDefinitionName).toList();
        assertThat(flows).hasSize(12).startsWith("flow-11").endsWith("flow-0");
        java.time.Instant tenth = sageMaker.describeHumanTaskUi(r -> r.humanTaskUiName("ui-10")).creationTime();
        assertThat(sageMaker.listHumanTaskUis(r -> r.creationTimeAfter(tenth)).humanTaskUiSummaries()) // at or after
                .extracting(HumanTaskUiSummary::humanTaskUiName).containsExactly("ui-10", "ui-11");
    }

    @Test
    void tagsWorkOnFlowAndTaskUiArns() {
        String uiArn = sageMaker.createHumanTaskUi(taskUi("ui").toBuilder()
                .tags(Tag.builder().key("a").value("1").build()).build()).humanTaskUiArn();
        String flowArn = sageMaker.createFlowDefinition(flow("f", team(), uiArn)).flowDefinitionArn();
        sageMaker.addTags(r -> r.resourceArn(flowArn).tags(Tag.builder().key("b").value("2").build()));

        assertThat(sageMaker.listTags(r -> r.resourceArn(uiArn)).tags()).containsExactly(Tag.builder().key("a").value("1").build());
        assertThat(sageMaker.listTags(r -> r.resourceArn(flowArn)).tags()).containsExactly(Tag.builder().key("b").value("2").build());
        sageMaker.deleteHumanTaskUi(r -> r.humanTaskUiName("ui")); // allowed while the flow uses it
        assertThatThrownBy(() -> sageMaker.listTags(r -> r.resourceArn(uiArn))).hasMessageContaining("does not exist");
    }

    @Test
    void theAsyncClientDrivesTheSameOperations() {
        SageMakerAsyncClient async = fake.asyncClient();
        String uiArn = async.createHumanTaskUi(taskUi("async-ui")).join().humanTaskUiArn();
        async.createFlowDefinition(flow("async-flow", team(), uiArn)).join();
        assertThat(async.listFlowDefinitions(r -> { }).join().flowDefinitionSummaries())
                .extracting(FlowDefinitionSummary::flowDefinitionArn)
                .containsExactly("arn:aws:sagemaker:us-east-1:123456789012:flow-definition/async-flow");
        assertThat(async.describeFlowDefinition(r -> r.flowDefinitionName("nope")))
                .failsWithin(Duration.ofSeconds(10)).withThrowableThat().havingCause()
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
