package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Texts.quote;

import io.github.sagemakerfake.control.FlowDefinitionSnapshot;
import java.util.Objects;

/**
 * Assertions on one A2I flow definition of the fake's state (docs/labeling.md).
 *
 * <pre>{@code
 * assertThat(fake).hasFlowDefinition("review")
 *         .usesWorkteam("reviewers")
 *         .usesHumanTaskUi("review-ui")
 *         .isActive();
 * }</pre>
 */
public class FlowDefinitionAssert extends AbstractFakeAssert<FlowDefinitionAssert, FlowDefinitionSnapshot> {

    public FlowDefinitionAssert(FlowDefinitionSnapshot actual) {
        super(actual, FlowDefinitionAssert.class);
    }

    public static FlowDefinitionAssert assertThat(FlowDefinitionSnapshot actual) {
        return new FlowDefinitionAssert(actual);
    }

    private String flow() {
        return "flow definition " + quote(actual.name());
    }

    /**
     * Verifies the work team reviews go to, by name or ARN.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public FlowDefinitionAssert usesWorkteam(String nameOrArn) {
        isNotNull();
        String arn = actual.workteamArn().orElse(null);
        if (!LabelingAsserts.namesArn(arn, nameOrArn)) {
            failComparing(arn, nameOrArn, "Expecting %s to use work team %s, but %s", flow(), quote(nameOrArn),
                    arn == null ? "it has no HumanLoopConfig" : "it uses " + quote(arn));
        }
        return myself;
    }

    /**
     * Verifies the worker task template, by name or ARN.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public FlowDefinitionAssert usesHumanTaskUi(String nameOrArn) {
        isNotNull();
        String arn = actual.humanTaskUiArn().orElse(null);
        if (!LabelingAsserts.namesArn(arn, nameOrArn)) {
            failComparing(arn, nameOrArn, "Expecting %s to use human task UI %s, but %s", flow(), quote(nameOrArn),
                    arn == null ? "it has no HumanLoopConfig" : "it uses " + quote(arn));
        }
        return myself;
    }

    /** Verifies the status: Initializing, Active, Failed or Deleting. */
    public FlowDefinitionAssert hasStatus(String expected) {
        isNotNull();
        if (!Objects.equals(actual.status(), expected)) {
            failComparing(actual.status(), expected, "Expecting %s to have status %s, but was %s%s", flow(),
                    quote(expected), quote(actual.status()),
                    actual.failureReason().map(r -> " (FailureReason: " + quote(r) + ")").orElse(""));
        }
        return myself;
    }

    public FlowDefinitionAssert isActive() {
        return hasStatus("Active");
    }

    public FlowDefinitionAssert isInitializing() {
        return hasStatus("Initializing");
    }

    public FlowDefinitionAssert isDeleting() {
        return hasStatus("Deleting");
    }

    /** Verifies the status is {@code Failed} with this {@code FailureReason}. */
    public FlowDefinitionAssert hasFailed(String failureReason) {
        hasStatus("Failed");
        String reason = actual.failureReason().orElse(null);
        if (!Objects.equals(reason, failureReason)) {
            failComparing(reason, failureReason, "Expecting %s to have failed with reason %s, but the reason was %s",
                    flow(), quote(failureReason), quote(reason));
        }
        return myself;
    }

    public FlowDefinitionAssert hasTag(String key, String value) {
        isNotNull();
        String problem = LabelingAsserts.tagProblem(actual.tags(), key, value);
        if (problem != null) {
            fail("Expecting %s %s", flow(), problem);
        }
        return myself;
    }
}
