package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of one labeling job, as {@code DescribeLabelingJob} would return it (tags
 * included). {@link #toMap()} is that wire form, so a snapshot read from a container equals one
 * taken in process. See docs/labeling.md.
 */
public final class LabelingJobSnapshot {

    private final Map<String, Object> wire;

    /** Builds a view over a labeling job in DescribeLabelingJob's wire form; the map is copied. */
    public LabelingJobSnapshot(Map<String, Object> describeLabelingJob) {
        this.wire = Json.freeze(describeLabelingJob);
    }

    public String name() {
        return (String) wire.get("LabelingJobName");
    }

    public String arn() {
        return (String) wire.get("LabelingJobArn");
    }

    /** Initializing, InProgress, Completed, Failed, Stopping or Stopped. */
    public String status() {
        return (String) wire.get("LabelingJobStatus");
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable((String) wire.get("FailureReason"));
    }

    public String jobReferenceCode() {
        return (String) wire.get("JobReferenceCode");
    }

    public String workteamArn() {
        return (String) humanTaskConfig().get("WorkteamArn");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> humanTaskConfig() {
        return (Map<String, Object>) wire.get("HumanTaskConfig");
    }

    /** One of LabelCounters' members (TotalLabeled, HumanLabeled, MachineLabeled, FailedNonRetryableError, Unlabeled). */
    @SuppressWarnings("unchecked")
    public long labelCounter(String member) {
        Object value = ((Map<String, Object>) wire.get("LabelCounters")).get(member);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** {@code LabelingJobOutput.OutputDatasetS3Uri}, once the job completed. */
    @SuppressWarnings("unchecked")
    public Optional<String> outputDatasetS3Uri() {
        Object output = wire.get("LabelingJobOutput");
        return output == null ? Optional.empty()
                : Optional.ofNullable((String) ((Map<String, Object>) output).get("OutputDatasetS3Uri"));
    }

    public Instant creationTime() {
        return WireTime.instant(wire.get("CreationTime"));
    }

    public Instant lastModifiedTime() {
        return WireTime.instant(wire.get("LastModifiedTime"));
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> tags() {
        Object tags = wire.get("Tags");
        return tags == null ? Map.of() : RegionSnapshot.tagMap((List<Object>) tags);
    }

    /** DescribeLabelingJob's wire form. */
    public Map<String, Object> toMap() {
        return wire;
    }

    @Override
    public String toString() {
        return "LabelingJob" + Json.write(wire);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelingJobSnapshot other && wire.equals(other.wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }
}
