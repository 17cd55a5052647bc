package io.github.sagemakerfake.examples;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** How SageMaker says things, which is not always how the SDK's exception classes suggest. */
final class SageMakerErrors {

    private SageMakerErrors() {
    }

    /**
     * A missing work team. SageMaker does not send {@code ResourceNotFound} for DescribeWorkteam,
     * UpdateWorkteam, DeleteWorkteam or the tag operations: it sends {@code ValidationException}
     * (HTTP 400) with a message that begins "The work team". The SDK therefore raises a plain
     * {@code SageMakerException}, and the message is the only way to tell a missing team from an
     * invalid request. (Terraform's AWS provider matches the same text.)
     */
    static boolean isMissingWorkteam(SageMakerException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        return details != null && "ValidationException".equals(details.errorCode())
                && details.errorMessage() != null && details.errorMessage().contains("The work team");
    }

    /** The service's message without the SDK's "(Service: SageMaker, Status Code: ...)" suffix. */
    static String message(SageMakerException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        if (details == null || details.errorMessage() == null) {
            return e.getMessage();
        }
        return details.errorCode() + ": " + details.errorMessage();
    }
}
