package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.json.JsonNumbers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the people (and the auto-labeling model) behind a labeling job do, which the fake never
 * does by itself: data objects arrive, objects are labeled, the job completes or fails. A test
 * drives a job with {@link FakeControl#driveLabelingJob}; see docs/labeling.md.
 *
 * <pre>{@code
 * fake.driveLabelingJob(account, region, "reviews", LabelingJobAction.addObjects(100));
 * fake.labelObjects("reviews", 60);                      // 60 labeled by humans
 * fake.completeLabelingJob("reviews", null);             // default output manifest URI
 * fake.failLabelingJob("other", "The input manifest is not readable.");
 * }</pre>
 *
 * <p>Immutable. {@link #toMap()} is the admin API's form ({@code POST /_fake/labeling-jobs/<name>}).
 */
public final class LabelingJobAction {

    /** The kinds of action. */
    public enum Kind { ADD_OBJECTS, LABEL, COMPLETE, FAIL }

    private final Kind kind;
    private final long count;
    private final long humanLabeled;
    private final long machineLabeled;
    private final long failed;
    private final String outputDatasetS3Uri;
    private final String finalActiveLearningModelArn;
    private final String failureReason;

    private LabelingJobAction(Kind kind, long count, long humanLabeled, long machineLabeled, long failed,
                              String outputDatasetS3Uri, String finalActiveLearningModelArn, String failureReason) {
        this.kind = kind;
        this.count = count;
        this.humanLabeled = humanLabeled;
        this.machineLabeled = machineLabeled;
        this.failed = failed;
        this.outputDatasetS3Uri = outputDatasetS3Uri;
        this.finalActiveLearningModelArn = finalActiveLearningModelArn;
        this.failureReason = failureReason;
    }

    /** {@code count} data objects arrive (the manifest is read, or a stream delivers them): Unlabeled grows. */
    public static LabelingJobAction addObjects(long count) {
        return new LabelingJobAction(Kind.ADD_OBJECTS, nonNegative(count, "count"), 0, 0, 0, null, null, null);
    }

    /** Human workers label {@code humanLabeled} objects. */
    public static LabelingJobAction label(long humanLabeled) {
        return label(humanLabeled, 0, 0);
    }

    /**
     * Objects are labeled by humans and by the auto-labeling model, and some fail for good: the
     * counters grow and Unlabeled shrinks by as many (not below 0).
     */
    public static LabelingJobAction label(long humanLabeled, long machineLabeled, long failedNonRetryable) {
        return new LabelingJobAction(Kind.LABEL, 0, nonNegative(humanLabeled, "humanLabeled"),
                nonNegative(machineLabeled, "machineLabeled"), nonNegative(failedNonRetryable, "failedNonRetryable"),
                null, null, null);
    }

    /**
     * The job completes with a {@code LabelingJobOutput}. A null {@code outputDatasetS3Uri} is
     * {@code <S3OutputPath>/<job name>/manifests/output/output.manifest}, where Ground Truth writes it.
     */
    public static LabelingJobAction complete(String outputDatasetS3Uri) {
        return complete(outputDatasetS3Uri, null);
    }

    public static LabelingJobAction complete(String outputDatasetS3Uri, String finalActiveLearningModelArn) {
        return new LabelingJobAction(Kind.COMPLETE, 0, 0, 0, 0, outputDatasetS3Uri, finalActiveLearningModelArn, null);
    }

    /** The job fails with this {@code FailureReason} (1 to 1024 characters). */
    public static LabelingJobAction fail(String failureReason) {
        if (failureReason == null || failureReason.isBlank() || failureReason.length() > 1024) {
            throw new IllegalArgumentException("A labeling job fails with a FailureReason of 1 to 1024 characters, "
                    + "e.g. \"The input manifest is not readable.\"");
        }
        return new LabelingJobAction(Kind.FAIL, 0, 0, 0, 0, null, null, failureReason);
    }

    private static long nonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be 0 or more; got " + value);
        }
        return value;
    }

    public Kind kind() {
        return kind;
    }

    public long count() {
        return count;
    }

    public long humanLabeled() {
        return humanLabeled;
    }

    public long machineLabeled() {
        return machineLabeled;
    }

    public long failedNonRetryable() {
        return failed;
    }

    public String outputDatasetS3Uri() {
        return outputDatasetS3Uri;
    }

    public String finalActiveLearningModelArn() {
        return finalActiveLearningModelArn;
    }

    public String failureReason() {
        return failureReason;
    }

    /** The admin API's JSON form. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        switch (kind) {
            case ADD_OBJECTS -> {
                map.put("Action", "AddObjects");
                map.put("Count", count);
            }
            case LABEL -> {
                map.put("Action", "Label");
                map.put("HumanLabeled", humanLabeled);
                map.put("MachineLabeled", machineLabeled);
                map.put("FailedNonRetryableError", failed);
            }
            case COMPLETE -> {
                map.put("Action", "Complete");
                if (outputDatasetS3Uri != null) {
                    map.put("OutputDatasetS3Uri", outputDatasetS3Uri);
                }
                if (finalActiveLearningModelArn != null) {
                    map.put("FinalActiveLearningModelArn", finalActiveLearningModelArn);
                }
            }
            case FAIL -> {
                map.put("Action", "Fail");
                map.put("FailureReason", failureReason);
            }
        }
        return map;
    }

    /** Reads {@link #toMap()}'s form; the message of a refusal names what is wrong. */
    public static LabelingJobAction fromMap(Map<String, Object> map) {
        Object action = map.get("Action");
        String forms = "{\"Action\":\"AddObjects\",\"Count\":n}, {\"Action\":\"Label\",\"HumanLabeled\":n"
                + "[,\"MachineLabeled\":n,\"FailedNonRetryableError\":n]}, {\"Action\":\"Complete\"[,"
                + "\"OutputDatasetS3Uri\":\"s3://...\",\"FinalActiveLearningModelArn\":\"arn:...\"]} or "
                + "{\"Action\":\"Fail\",\"FailureReason\":\"...\"}";
        if (!(action instanceof String)) {
            throw new IllegalArgumentException("A labeling job action is one of " + forms);
        }
        switch ((String) action) {
            case "AddObjects":
                return addObjects(number(map, "Count", forms));
            case "Label":
                return label(number(map, "HumanLabeled", forms), number(map, "MachineLabeled", forms),
                        number(map, "FailedNonRetryableError", forms));
            case "Complete":
                return complete(text(map, "OutputDatasetS3Uri", forms), text(map, "FinalActiveLearningModelArn", forms));
            case "Fail":
                return fail(text(map, "FailureReason", forms));
            default:
                throw new IllegalArgumentException("Unknown labeling job action '" + action + "'; one of " + forms);
        }
    }

    private static long number(Map<String, Object> map, String member, String forms) {
        Object value = map.get(member);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException(member + " must be a number; a labeling job action is one of " + forms);
        }
        return JsonNumbers.wholeNumber(n, "Labeling job action member \"" + member + "\"", 0, Long.MAX_VALUE,
                "a whole number of data objects");
    }

    private static String text(Map<String, Object> map, String member, String forms) {
        Object value = map.get(member);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(member + " must be a string; a labeling job action is one of " + forms);
        }
        return (String) value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelingJobAction other && toMap().equals(other.toMap());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toMap());
    }

    @Override
    public String toString() {
        return "LabelingJobAction" + toMap();
    }
}
