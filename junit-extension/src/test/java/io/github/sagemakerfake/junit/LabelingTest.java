package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.StubAnswer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

/** The labeling plane's control surface through the extension, in process and over HTTP. */
class LabelingTest {

    @Test
    void drivesLabelingJobsAndStubsInProcess() {
        TestKit.assertAllPassed(TestKit.run(InProcess.class), 1);
    }

    @Test
    void drivesLabelingJobsAndStubsOverHttp() {
        TestKit.assertAllPassed(TestKit.run(OverHttp.class), 1);
    }

    static void labelAndComplete(SageMakerClient sageMaker, FakeControl fake) {
        String team = sageMaker.createWorkteam(r -> r.workteamName("labelers").description("d")
                .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c.userPool("us-east-1_abc123")
                        .clientId("c").userGroup("g")))).workteamArn();
        sageMaker.createLabelingJob(r -> r.labelingJobName("reviews").labelAttributeName("label")
                .roleArn("arn:aws:iam::123456789012:role/r")
                .inputConfig(i -> i.dataSource(d -> d.s3DataSource(s -> s.manifestS3Uri("s3://b/in.manifest"))))
                .outputConfig(o -> o.s3OutputPath("s3://b/out/"))
                .humanTaskConfig(h -> h.workteamArn(team).uiConfig(u -> u.uiTemplateS3Uri("s3://b/t.liquid"))
                        .taskTitle("t").taskDescription("d").numberOfHumanWorkersPerDataObject(1)
                        .taskTimeLimitInSeconds(60)));

        fake.labelObjects("reviews", 7);
        fake.completeLabelingJob("reviews", "s3://b/out/final.manifest");
        fake.stub("CreateModel", StubAnswer.json("{\"ModelArn\":\"arn:aws:sagemaker:us-east-1:123456789012:model/m\"}"));

        DescribeLabelingJobResponse job = sageMaker.describeLabelingJob(r -> r.labelingJobName("reviews"));
        assertThat(job.labelingJobStatus()).isEqualTo(LabelingJobStatus.COMPLETED);
        assertThat(job.labelCounters().humanLabeled()).isEqualTo(7);
        assertThat(job.labelingJobOutput().outputDatasetS3Uri()).isEqualTo("s3://b/out/final.manifest");
        assertThat(sageMaker.createModel(r -> r.modelName("m").executionRoleArn("arn:aws:iam::123456789012:role/r"))
                .modelArn()).endsWith(":model/m");
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class InProcess {
        @Test
        void labels(SageMakerClient sageMaker, FakeControl fake) {
            labelAndComplete(sageMaker, fake);
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(transport = SageMakerWorkforceTest.Transport.HTTP)
    static class OverHttp {
        @Test
        void labels(SageMakerClient sageMaker, FakeControl fake) {
            labelAndComplete(sageMaker, fake);
        }
    }
}
