package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Texts.quote;

import io.github.sagemakerfake.control.LabelingJobSnapshot;
import java.util.Objects;

/**
 * Assertions on one labeling job of the fake's state (docs/labeling.md).
 *
 * <pre>{@code
 * assertThat(fake).hasLabelingJob("reviews")
 *         .usesWorkteam("labelers")          // the team's name, or its ARN
 *         .isInProgress()
 *         .hasHumanLabeled(60);
 * }</pre>
 */
public class LabelingJobAssert extends AbstractFakeAssert<LabelingJobAssert, LabelingJobSnapshot> {

    public LabelingJobAssert(LabelingJobSnapshot actual) {
        super(actual, LabelingJobAssert.class);
    }

    public static LabelingJobAssert assertThat(LabelingJobSnapshot actual) {
        return new LabelingJobAssert(actual);
    }

    private String job() {
        return "labeling job " + quote(actual.name());
    }

    /**
     * Verifies the job's work team, given by name (a private team of the job's account) or by ARN.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public LabelingJobAssert usesWorkteam(String nameOrArn) {
        isNotNull();
        if (!LabelingAsserts.namesArn(actual.workteamArn(), nameOrArn)) {
            failComparing(actual.workteamArn(), nameOrArn, "Expecting %s to use work team %s, but it uses %s", job(),
                    quote(nameOrArn), quote(actual.workteamArn()));
        }
        return myself;
    }

    /**
     * Verifies the status: Initializing, InProgress, Completed, Failed, Stopping or Stopped.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public LabelingJobAssert hasStatus(String expected) {
        isNotNull();
        if (!Objects.equals(actual.status(), expected)) {
            failComparing(actual.status(), expected, "Expecting %s to have status %s, but was %s%s", job(),
                    quote(expected), quote(actual.status()),
                    actual.failureReason().map(r -> " (FailureReason: " + quote(r) + ")").orElse(""));
        }
        return myself;
    }

    /** Verifies the status is {@code Initializing}: created, and not yet read as often as the fake's lifecycle asks. */
    public LabelingJobAssert isInitializing() {
        return hasStatus("Initializing");
    }

    /** Verifies the status is {@code InProgress}: workers can label its objects. */
    public LabelingJobAssert isInProgress() {
        return hasStatus("InProgress");
    }

    public LabelingJobAssert isCompleted() {
        return hasStatus("Completed");
    }

    public LabelingJobAssert isStopping() {
        return hasStatus("Stopping");
    }

    public LabelingJobAssert isStopped() {
        return hasStatus("Stopped");
    }

    /**
     * Verifies StopLabelingJob was called: the status is {@code Stopping} or {@code Stopped}.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public LabelingJobAssert wasStopped() {
        isNotNull();
        if (!"Stopping".equals(actual.status()) && !"Stopped".equals(actual.status())) {
            fail("Expecting %s to be Stopping or Stopped, but was %s", job(), quote(actual.status()));
        }
        return myself;
    }

    /** Verifies the status is {@code Failed} with this {@code FailureReason}. */
    public LabelingJobAssert hasFailed(String failureReason) {
        hasStatus("Failed");
        String reason = actual.failureReason().orElse(null);
        if (!Objects.equals(reason, failureReason)) {
            failComparing(reason, failureReason, "Expecting %s to have failed with reason %s, but the reason was %s",
                    job(), quote(failureReason), quote(reason));
        }
        return myself;
    }

    /** Verifies {@code LabelCounters.HumanLabeled}. */
    public LabelingJobAssert hasHumanLabeled(long expected) {
        return hasCounter("HumanLabeled", expected);
    }

    /** Verifies {@code LabelCounters.Unlabeled}. */
    public LabelingJobAssert hasUnlabeled(long expected) {
        return hasCounter("Unlabeled", expected);
    }

    /**
     * Verifies one member of {@code LabelCounters} (TotalLabeled, HumanLabeled, MachineLabeled,
     * FailedNonRetryableError, Unlabeled).
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public LabelingJobAssert hasCounter(String member, long expected) {
        isNotNull();
        long value = actual.labelCounter(member);
        if (value != expected) {
            failComparing(value, expected, "Expecting %s to have LabelCounters.%s %d, but was %d (counters: %s)", job(),
                    member, expected, value, Texts.json(actual.toMap().get("LabelCounters")));
        }
        return myself;
    }

    /** Verifies {@code LabelingJobOutput.OutputDatasetS3Uri}. */
    public LabelingJobAssert hasOutputDatasetS3Uri(String expected) {
        isNotNull();
        String uri = actual.outputDatasetS3Uri().orElse(null);
        if (!Objects.equals(uri, expected)) {
            failComparing(uri, expected, "Expecting %s to have OutputDatasetS3Uri %s, but %s", job(), quote(expected),
                    uri == null ? "it has no LabelingJobOutput (status " + quote(actual.status()) + ")" : "was " + quote(uri));
        }
        return myself;
    }

    /** Verifies a tag of the job. */
    public LabelingJobAssert hasTag(String key, String value) {
        isNotNull();
        String problem = LabelingAsserts.tagProblem(actual.tags(), key, value);
        if (problem != null) {
            fail("Expecting %s %s", job(), problem);
        }
        return myself;
    }
}
