package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of one work team, as {@code DescribeWorkteam} would return it, plus its tags.
 * {@link #toMap()} is the exact wire form, so a snapshot read from a container is the same object
 * as one taken in process.
 */
public final class WorkteamSnapshot {

    private final Map<String, Object> wire;
    private final Map<String, String> tags;

    /** Builds a view over a work team in wire form; the map is copied. */
    public WorkteamSnapshot(Map<String, Object> workteam, Map<String, String> tags) {
        this.wire = Json.freeze(workteam);
        this.tags = Json.freeze(new LinkedHashMap<>(tags));
    }

    public String name() {
        return (String) wire.get("WorkteamName");
    }

    public String arn() {
        return (String) wire.get("WorkteamArn");
    }

    public String workforceArn() {
        return (String) wire.get("WorkforceArn");
    }

    public String description() {
        return (String) wire.get("Description");
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

    /** The Cognito user groups of the team's member definitions, in order. */
    public List<String> cognitoUserGroups() {
        List<String> groups = new ArrayList<>();
        for (Map<String, Object> member : memberDefinitions()) {
            Object cognito = member.get("CognitoMemberDefinition");
            if (cognito instanceof Map<?, ?> c) {
                groups.add((String) c.get("UserGroup"));
            }
        }
        return groups;
    }

    /** The OIDC groups of the team's member definitions, in order. */
    public List<String> oidcGroups() {
        List<String> groups = new ArrayList<>();
        for (Map<String, Object> member : memberDefinitions()) {
            Object oidc = member.get("OidcMemberDefinition");
            if (oidc instanceof Map<?, ?> o && o.get("Groups") instanceof List<?> list) {
                list.forEach(g -> groups.add((String) g));
            }
        }
        return groups;
    }

    /** Cognito user groups or OIDC groups, whichever the team uses. */
    public List<String> memberGroups() {
        List<String> cognito = cognitoUserGroups();
        return cognito.isEmpty() ? oidcGroups() : cognito;
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> memberDefinitions() {
        Object value = wire.get("MemberDefinitions");
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    public Optional<String> notificationTopicArn() {
        Object config = wire.get("NotificationConfiguration");
        return config == null ? Optional.empty()
                : Optional.ofNullable((String) ((Map<String, Object>) config).get("NotificationTopicArn"));
    }

    /** {@code WorkerAccessConfiguration} in wire form, or an empty map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> workerAccessConfiguration() {
        Object config = wire.get("WorkerAccessConfiguration");
        return config == null ? Map.of() : (Map<String, Object>) config;
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** The work team in wire form, as DescribeWorkteam returns it (without tags). */
    public Map<String, Object> toMap() {
        return wire;
    }

    @Override
    public String toString() {
        return "Workteam" + Json.write(wire) + (tags.isEmpty() ? "" : " tags=" + tags);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkteamSnapshot other && wire.equals(other.wire) && tags.equals(other.tags);
    }

    @Override
    public int hashCode() {
        return wire.hashCode() * 31 + tags.hashCode();
    }
}
