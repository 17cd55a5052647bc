package io.github.sagemakerfake.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that exists to be run by {@link TestKit} inside another test: such classes
 * contain deliberate failures and misuse, so any other launcher (an IDE running the package,
 * surefire with unusual includes) skips them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestKitOnly.Condition.class)
@interface TestKitOnly {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(TestKit.MARKER).isPresent()
                    ? ConditionEvaluationResult.enabled("run by TestKit")
                    : ConditionEvaluationResult.disabled("runs only inside TestKit");
        }
    }
}
