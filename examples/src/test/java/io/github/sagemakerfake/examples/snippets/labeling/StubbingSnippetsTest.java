package io.github.sagemakerfake.examples.snippets.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.StubAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** The snippets of docs/stubbing.md. */
class StubbingSnippetsTest {

    final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    final SageMakerClient sageMaker = fake.client();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void stubsAnswerOperationsTheFakeDoesNotServe() {
        // A fixed answer, in every form of the fake (in process, server, container, JUnit, Spring):
        fake.stub("DescribeModel", StubAnswer.error("ValidationException", 400, "Could not find model \"m\"."));
        // In process, a function of the request JSON:
        fake.stub("CreateModel", request -> StubAnswer.json(
                "{\"ModelArn\":\"arn:aws:sagemaker:us-east-1:123456789012:model/" + (request.contains("\"ModelName\":\"m\"")
                        ? "m" : "other") + "\"}"));

        String arn = sageMaker.createModel(r -> r.modelName("m")
                .executionRoleArn("arn:aws:iam::123456789012:role/r")).modelArn();
        assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:123456789012:model/m");
        assertThatThrownBy(() -> sageMaker.describeModel(r -> r.modelName("m")))
                .isInstanceOf(SageMakerException.class).hasMessageContaining("Could not find model");
    }
}
