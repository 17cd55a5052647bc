package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of one A2I flow definition, as {@code DescribeFlowDefinition} would return it,
 * plus its {@code Tags}. {@link #toMap()} is that wire form. See docs/labeling.md.
 */
public final class FlowDefinitionSnapshot {

    private final Map<String, Object> wire;

    /** Builds a view over DescribeFlowDefinition's wire form plus "Tags"; the map is copied. */
    public FlowDefinitionSnapshot(Map<String, Object> describeFlowDefinition) {
        this.wire = Json.freeze(describeFlowDefinition);
    }

    public String name() {
        return (String) wire.get("FlowDefinitionName");
    }

    public String arn() {
        return (String) wire.get("FlowDefinitionArn");
    }

    /** Initializing, Active, Failed or Deleting. */
    public String status() {
        return (String) wire.get("FlowDefinitionStatus");
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable((String) wire.get("FailureReason"));
    }

    /** The work team reviews go to, or empty when the flow has no HumanLoopConfig. */
    @SuppressWarnings("unchecked")
    public Optional<String> workteamArn() {
        Object loop = wire.get("HumanLoopConfig");
        return loop == null ? Optional.empty() : Optional.ofNullable((String) ((Map<String, Object>) loop).get("WorkteamArn"));
    }

    @SuppressWarnings("unchecked")
    public Optional<String> humanTaskUiArn() {
        Object loop = wire.get("HumanLoopConfig");
        return loop == null ? Optional.empty()
                : Optional.ofNullable((String) ((Map<String, Object>) loop).get("HumanTaskUiArn"));
    }

    public Instant creationTime() {
        return WireTime.instant(wire.get("CreationTime"));
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> tags() {
        Object tags = wire.get("Tags");
        return tags == null ? Map.of() : RegionSnapshot.tagMap((List<Object>) tags);
    }

    public Map<String, Object> toMap() {
        return wire;
    }

    @Override
    public String toString() {
        return "FlowDefinition" + Json.write(wire);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowDefinitionSnapshot other && wire.equals(other.wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }
}
