package io.github.sagemakerfake;

import software.amazon.awssdk.services.sagemaker.model.CreateFlowDefinitionRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateHumanTaskUiRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;

/** Valid requests of the labeling plane, for tests to vary. */
final class LabelingRequests {

    static final String ROLE = "arn:aws:iam::123456789012:role/GroundTruth";
    static final String PUBLIC_CROWD = "arn:aws:sagemaker:us-east-1:394669845002:workteam/public-crowd/default";
    static final String BUILT_IN_UI = "arn:aws:sagemaker:us-east-1:394669845002:human-task-ui/NamedEntityRecognition";
    static final String TEMPLATE = "<crowd-form><crowd-classifier name=\"c\" categories=\"['a','b']\"/></crowd-form>";

    private LabelingRequests() {
    }

    static String teamArn(String name) {
        return "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/" + name;
    }

    static CreateLabelingJobRequest labelingJob(String name, String workteamArn) {
        return CreateLabelingJobRequest.builder()
                .labelingJobName(name)
                .labelAttributeName("label")
                .inputConfig(i -> i.dataSource(d -> d.s3DataSource(s -> s.manifestS3Uri("s3://bucket/in.manifest"))))
                .outputConfig(o -> o.s3OutputPath("s3://bucket/out/"))
                .roleArn(ROLE)
                .humanTaskConfig(h -> h.workteamArn(workteamArn)
                        .uiConfig(u -> u.uiTemplateS3Uri("s3://bucket/template.liquid"))
                        .preHumanTaskLambdaArn("arn:aws:lambda:us-east-1:432418664414:function:PRE-TextMultiClass")
                        .annotationConsolidationConfig(a -> a.annotationConsolidationLambdaArn(
                                "arn:aws:lambda:us-east-1:432418664414:function:ACS-TextMultiClass"))
                        .taskTitle("Classify").taskDescription("Pick a class")
                        .numberOfHumanWorkersPerDataObject(1).taskTimeLimitInSeconds(300))
                .build();
    }

    static CreateHumanTaskUiRequest taskUi(String name) {
        return CreateHumanTaskUiRequest.builder().humanTaskUiName(name).uiTemplate(t -> t.content(TEMPLATE)).build();
    }

    static CreateFlowDefinitionRequest flow(String name, String workteamArn, String taskUiArn) {
        return CreateFlowDefinitionRequest.builder()
                .flowDefinitionName(name)
                .roleArn(ROLE)
                .outputConfig(o -> o.s3OutputPath("s3://bucket/a2i/"))
                .humanLoopConfig(h -> h.workteamArn(workteamArn).humanTaskUiArn(taskUiArn)
                        .taskTitle("Review").taskDescription("Review the result").taskCount(1))
                .build();
    }
}
