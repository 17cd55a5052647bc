package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Ground Truth labeling job (docs/labeling.md). Guarded by its {@link RegionState}'s lock.
 * Plain data: every member of the CreateLabelingJob request as the job keeps it (with the
 * defaults the service fills in), its status, counters and output; {@link #toWire()} is
 * DescribeLabelingJob's answer.
 *
 * <p>Status: {@code Initializing} then {@code InProgress} after create; {@code Stopping} then
 * {@code Stopped} after StopLabelingJob; {@code Completed} and {@code Failed} only when a test
 * drives the job there (the fake never labels anything itself).
 */
final class LabelingJobRecord {

    static final String INITIALIZING = "Initializing";
    static final String IN_PROGRESS = "InProgress";
    static final String COMPLETED = "Completed";
    static final String FAILED = "Failed";
    static final String STOPPING = "Stopping";
    static final String STOPPED = "Stopped";

    final String name;
    final String arn;
    String jobReferenceCode;
    Instant creationTime;
    Instant lastModifiedTime;
    String status = INITIALIZING;
    String failureReason;
    /** Where an open transition ends: InProgress, Failed (a provisioning fault) or Stopped. */
    String settlesTo;
    String pendingFailureReason;
    Transition transition;

    String labelAttributeName;
    Map<String, Object> inputConfig;
    Map<String, Object> outputConfig;
    String roleArn;
    String labelCategoryConfigS3Uri;
    Map<String, Object> stoppingConditions;
    Map<String, Object> algorithmsConfig;
    Map<String, Object> humanTaskConfig;
    final Map<String, String> tags = new LinkedHashMap<>();

    // LabelCounters
    long humanLabeled;
    long machineLabeled;
    long failedNonRetryableError;
    long unlabeled;
    /** LabelingJobOutput, once the job completed; null before. */
    Map<String, Object> output;

    LabelingJobRecord(String name, String arn, String jobReferenceCode, Instant creationTime) {
        this.name = name;
        this.arn = arn;
        this.jobReferenceCode = jobReferenceCode;
        this.creationTime = creationTime;
        this.lastModifiedTime = creationTime;
    }

    /** Enters a transitional status that ends in {@code settlesTo} once the lifecycle says so. */
    void startTransition(String transitional, String settlesTo, String failureReason, Transition transition,
                         Instant now) {
        status = transitional;
        this.settlesTo = settlesTo;
        pendingFailureReason = failureReason;
        this.transition = transition;
        lastModifiedTime = now;
        settle(now);
    }

    void settle(Instant now) {
        if (transition != null && transition.isOver(now)) {
            endTransition(now);
        }
    }

    /** Ends any open transition now (a seed, or a test that drives the job). */
    void endTransition(Instant now) {
        if (transition == null) {
            return;
        }
        transition = null;
        status = settlesTo;
        failureReason = pendingFailureReason;
        settlesTo = null;
        pendingFailureReason = null;
        lastModifiedTime = now;
    }

    void countRead() {
        if (transition != null) {
            transition.countRead();
        }
    }

    boolean isTerminal() {
        return COMPLETED.equals(status) || FAILED.equals(status) || STOPPED.equals(status);
    }

    String workteamArn() {
        return (String) humanTaskConfig.get("WorkteamArn");
    }

    long totalLabeled() {
        return humanLabeled + machineLabeled;
    }

    Map<String, Object> labelCounters() {
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("TotalLabeled", BigDecimal.valueOf(totalLabeled()));
        counters.put("HumanLabeled", BigDecimal.valueOf(humanLabeled));
        counters.put("MachineLabeled", BigDecimal.valueOf(machineLabeled));
        counters.put("FailedNonRetryableError", BigDecimal.valueOf(failedNonRetryableError));
        counters.put("Unlabeled", BigDecimal.valueOf(unlabeled));
        return counters;
    }

    /** DescribeLabelingJob's answer. */
    Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("LabelingJobStatus", status);
        wire.put("LabelCounters", labelCounters());
        if (failureReason != null) {
            wire.put("FailureReason", failureReason);
        }
        wire.put("CreationTime", WireTime.epochSeconds(creationTime));
        wire.put("LastModifiedTime", WireTime.epochSeconds(lastModifiedTime));
        wire.put("JobReferenceCode", jobReferenceCode);
        wire.put("LabelingJobName", name);
        wire.put("LabelingJobArn", arn);
        putIfSet(wire, "LabelAttributeName", labelAttributeName);
        wire.put("InputConfig", Json.copy(inputConfig));
        wire.put("OutputConfig", Json.copy(outputConfig));
        wire.put("RoleArn", roleArn);
        putIfSet(wire, "LabelCategoryConfigS3Uri", labelCategoryConfigS3Uri);
        putIfSet(wire, "StoppingConditions", stoppingConditions == null ? null : Json.copy(stoppingConditions));
        wire.put("HumanTaskConfig", Json.copy(humanTaskConfig));
        putIfSet(wire, "LabelingJobAlgorithmsConfig", algorithmsConfig == null ? null : Json.copy(algorithmsConfig));
        if (!tags.isEmpty()) {
            wire.put("Tags", io.github.sagemakerfake.control.RegionSnapshot.tagList(tags));
        }
        putIfSet(wire, "LabelingJobOutput", output == null ? null : Json.copy(output));
        return wire;
    }

    /** LabelingJobSummary, ListLabelingJobs' item. */
    Map<String, Object> toSummary() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("LabelingJobName", name);
        wire.put("LabelingJobArn", arn);
        wire.put("CreationTime", WireTime.epochSeconds(creationTime));
        wire.put("LastModifiedTime", WireTime.epochSeconds(lastModifiedTime));
        wire.put("LabelingJobStatus", status);
        wire.put("LabelCounters", labelCounters());
        wire.put("WorkteamArn", workteamArn());
        putIfSet(wire, "PreHumanTaskLambdaArn", humanTaskConfig.get("PreHumanTaskLambdaArn"));
        Object consolidation = humanTaskConfig.get("AnnotationConsolidationConfig");
        if (consolidation instanceof Map<?, ?> c) {
            putIfSet(wire, "AnnotationConsolidationLambdaArn", c.get("AnnotationConsolidationLambdaArn"));
        }
        putIfSet(wire, "FailureReason", failureReason);
        putIfSet(wire, "LabelingJobOutput", output == null ? null : Json.copy(output));
        wire.put("InputConfig", Json.copy(inputConfig));
        return wire;
    }

    /** LabelingJobForWorkteamSummary, ListLabelingJobsForWorkteam's item: the work team's view. */
    Map<String, Object> toWorkteamSummary(String account) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("LabelingJobName", name);
        wire.put("JobReferenceCode", jobReferenceCode);
        wire.put("WorkRequesterAccountId", account);
        wire.put("CreationTime", WireTime.epochSeconds(creationTime));
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("HumanLabeled", BigDecimal.valueOf(humanLabeled));
        counters.put("PendingHuman", BigDecimal.valueOf(unlabeled));
        counters.put("Total", BigDecimal.valueOf(totalLabeled() + unlabeled + failedNonRetryableError));
        wire.put("LabelCounters", counters);
        wire.put("NumberOfHumanWorkersPerDataObject", humanTaskConfig.get("NumberOfHumanWorkersPerDataObject"));
        return wire;
    }

    private static void putIfSet(Map<String, Object> wire, String key, Object value) {
        if (value != null) {
            wire.put(key, value);
        }
    }
}
