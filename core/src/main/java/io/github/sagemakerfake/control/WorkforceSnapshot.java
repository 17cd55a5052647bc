package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of a workforce, as {@code DescribeWorkforce} would return it at the moment the
 * snapshot was taken (ClientSecret is never part of it, as in the service).
 */
public final class WorkforceSnapshot {

    private final Map<String, Object> wire;

    public WorkforceSnapshot(Map<String, Object> workforce) {
        this.wire = Json.freeze(workforce);
    }

    public String name() {
        return (String) wire.get("WorkforceName");
    }

    public String arn() {
        return (String) wire.get("WorkforceArn");
    }

    /** {@code Initializing}, {@code Updating}, {@code Deleting}, {@code Failed} or {@code Active}. */
    public String status() {
        return (String) wire.get("Status");
    }

    /** Why provisioning failed, present while the status is {@code Failed}. */
    public Optional<String> failureReason() {
        return Optional.ofNullable((String) wire.get("FailureReason"));
    }

    public String subDomain() {
        return (String) wire.get("SubDomain");
    }

    public Instant createDate() {
        return WireTime.instant(wire.get("CreateDate"));
    }

    public Instant lastUpdatedDate() {
        return WireTime.instant(wire.get("LastUpdatedDate"));
    }

    public boolean isCognito() {
        return wire.containsKey("CognitoConfig");
    }

    public boolean isOidc() {
        return wire.containsKey("OidcConfig");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> cognitoConfig() {
        Object value = wire.get("CognitoConfig");
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> oidcConfig() {
        Object value = wire.get("OidcConfig");
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public List<String> sourceIpCidrs() {
        Object config = wire.get("SourceIpConfig");
        if (config instanceof Map<?, ?> map && map.get("Cidrs") instanceof List<?> cidrs) {
            return (List<String>) cidrs;
        }
        return List.of();
    }

    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> vpcConfig() {
        return Optional.ofNullable((Map<String, Object>) wire.get("WorkforceVpcConfig"));
    }

    public Map<String, Object> toMap() {
        return wire;
    }

    @Override
    public String toString() {
        return "Workforce" + Json.write(wire);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkforceSnapshot other && wire.equals(other.wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }
}
