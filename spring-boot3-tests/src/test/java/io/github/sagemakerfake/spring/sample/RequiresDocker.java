package io.github.sagemakerfake.spring.sample;

import io.github.sagemakerfake.testcontainers.DockerPreflight;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

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
            // Decided within seconds, naming the setting that fixes an unusable engine (DockerPreflight).
            Optional<DockerPreflight.Problem> problem = DockerPreflight.check();
            if (problem.isEmpty()) {
                return ConditionEvaluationResult.enabled("Docker is available");
            }
            String message = "Container tests skipped: " + problem.get().message();
            if ("true".equalsIgnoreCase(System.getenv("SAGEMAKER_FAKE_REQUIRE_DOCKER"))) {
                throw new IllegalStateException(problem.get().message()
                        + " (SAGEMAKER_FAKE_REQUIRE_DOCKER=true forbids skipping the container tests.)");
            }
            return ConditionEvaluationResult.disabled(message);
        }
    }
}
