package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Amazon A2I flow definition (human review workflow, docs/labeling.md). Guarded by its
 * {@link RegionState}'s lock. Plain data: the CreateFlowDefinition request's members as given, the
 * status and the open transition. {@code Initializing} then {@code Active} (or {@code Failed});
 * DeleteFlowDefinition: {@code Deleting}, then gone.
 */
final class FlowDefinitionRecord {

    static final String INITIALIZING = "Initializing";
    static final String ACTIVE = "Active";
    static final String FAILED = "Failed";
    static final String DELETING = "Deleting";

    final String name;
    final String arn;
    Instant creationTime;
    String status = INITIALIZING;
    String failureReason;
    /** Where an open transition ends: Active or Failed; unused while Deleting. */
    String settlesTo;
    String pendingFailureReason;
    Transition transition;
    /** True once a deletion finished: the region forgets the flow definition. */
    boolean gone;

    Map<String, Object> humanLoopRequestSource;
    Map<String, Object> humanLoopActivationConfig;
    Map<String, Object> humanLoopConfig;
    Map<String, Object> outputConfig;
    String roleArn;
    final Map<String, String> tags = new LinkedHashMap<>();

    FlowDefinitionRecord(String name, String arn, Instant creationTime) {
        this.name = name;
        this.arn = arn;
        this.creationTime = creationTime;
    }

    void startTransition(String transitional, String settlesTo, String failureReason, Transition transition,
                         Instant now) {
        status = transitional;
        this.settlesTo = settlesTo;
        pendingFailureReason = failureReason;
        this.transition = transition;
        settle(now);
    }

    void settle(Instant now) {
        if (transition != null && transition.isOver(now)) {
            endTransition();
        }
    }

    void endTransition() {
        if (transition == null) {
            return;
        }
        transition = null;
        if (DELETING.equals(status)) {
            gone = true;
            return;
        }
        status = settlesTo;
        failureReason = pendingFailureReason;
        settlesTo = null;
        pendingFailureReason = null;
    }

    void countRead() {
        if (transition != null) {
            transition.countRead();
        }
    }

    /** The work team this flow routes reviews to, or null when it has no HumanLoopConfig. */
    String workteamArn() {
        return humanLoopConfig == null ? null : (String) humanLoopConfig.get("WorkteamArn");
    }

    /** DescribeFlowDefinition's answer: every request member as given (Terraform's import compares them). */
    Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("FlowDefinitionArn", arn);
        wire.put("FlowDefinitionName", name);
        wire.put("FlowDefinitionStatus", status);
        wire.put("CreationTime", WireTime.epochSeconds(creationTime));
        if (humanLoopRequestSource != null) {
            wire.put("HumanLoopRequestSource", Json.copy(humanLoopRequestSource));
        }
        if (humanLoopActivationConfig != null) {
            wire.put("HumanLoopActivationConfig", Json.copy(humanLoopActivationConfig));
        }
        if (humanLoopConfig != null) {
            wire.put("HumanLoopConfig", Json.copy(humanLoopConfig));
        }
        wire.put("OutputConfig", Json.copy(outputConfig));
        wire.put("RoleArn", roleArn);
        if (FAILED.equals(status) && failureReason != null) {
            wire.put("FailureReason", failureReason);
        }
        return wire;
    }

    /** FlowDefinitionSummary; FailureReason "is returned only when the flow definition status is Failed". */
    Map<String, Object> toSummary() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("FlowDefinitionName", name);
        wire.put("FlowDefinitionArn", arn);
        wire.put("FlowDefinitionStatus", status);
        wire.put("CreationTime", WireTime.epochSeconds(creationTime));
        if (FAILED.equals(status) && failureReason != null) {
            wire.put("FailureReason", failureReason);
        }
        return wire;
    }
}
