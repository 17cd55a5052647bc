package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of one human task UI (worker task template): DescribeHumanTaskUi's members
 * without the expiring {@code Url}, with the template's {@code Content} (which Describe never
 * returns) and the {@code Tags}. See docs/labeling.md.
 */
public final class HumanTaskUiSnapshot {

    private final Map<String, Object> wire;

    /** Builds a view over the form {@link #toMap()} returns; the map is copied. */
    public HumanTaskUiSnapshot(Map<String, Object> humanTaskUi) {
        this.wire = Json.freeze(humanTaskUi);
    }

    public String name() {
        return (String) wire.get("HumanTaskUiName");
    }

    public String arn() {
        return (String) wire.get("HumanTaskUiArn");
    }

    public String status() {
        return (String) wire.get("HumanTaskUiStatus");
    }

    public Instant creationTime() {
        return WireTime.instant(wire.get("CreationTime"));
    }

    /** The template as created. */
    @SuppressWarnings("unchecked")
    public String content() {
        return (String) ((Map<String, Object>) wire.get("UiTemplate")).get("Content");
    }

    /** What DescribeHumanTaskUi shows as {@code UiTemplate.ContentSha256}. */
    @SuppressWarnings("unchecked")
    public String contentSha256() {
        return (String) ((Map<String, Object>) wire.get("UiTemplate")).get("ContentSha256");
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
        return "HumanTaskUi" + Json.write(wire);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HumanTaskUiSnapshot other && wire.equals(other.wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }
}
