package io.github.sagemakerfake.spring.sample;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a container test where Docker runs, and skips it with a message elsewhere, except where
 * {@code SAGEMAKER_FAKE_REQUIRE_DOCKER=true} (CI sets it): there a missing Docker engine fails the
 * test rather than letting it be skipped unnoticed, as in the Testcontainers module's own tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Condition.class)
@interface RequiresDocker {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return ConditionEvaluationResult.enabled("Docker is available");
            }
            String message = "Docker is not available, so the container tests are skipped. Start a Docker engine "
                    + "to run them (see docs/container.md).";
            if ("true".equalsIgnoreCase(System.getenv("SAGEMAKER_FAKE_REQUIRE_DOCKER"))) {
                throw new IllegalStateException(message + " SAGEMAKER_FAKE_REQUIRE_DOCKER=true forbids skipping them.");
            }
            return ConditionEvaluationResult.disabled(message);
        }
    }
}
