package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.iam.RequiredPolicies;
import io.github.sagemakerfake.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The least-privilege identity policy the calls in one account and region needed, derived from the
 * journal (docs/iam.md): one Allow for each IAM action with the exact resource ARNs it was
 * authorized against ({@code *} for actions without a resource type), {@code sagemaker:AddTags} on
 * each resource created with Tags, {@code iam:PassRole} on a job's or flow's role, and the
 * {@code cognito-idp} and {@code aws-marketplace} actions the calls needed.
 *
 * <pre>{@code
 * RequiredPolicy policy = fake.requiredPolicy();
 * Files.writeString(Path.of("target/labeling-role-policy.json"), policy.toJson());
 * }</pre>
 */
public final class RequiredPolicy {

    /**
     * One permission: an IAM action on a resource.
     *
     * @param action   e.g. {@code sagemaker:CreateWorkteam}
     * @param resource an ARN, or {@code *}
     */
    public record Permission(String action, String resource) {

        public Permission {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public String toString() {
            return action + " on " + resource;
        }
    }

    private final String account;
    private final String region;
    private final List<Permission> permissions;
    private final Map<String, Object> document;

    private RequiredPolicy(String account, String region, List<Permission> permissions, Map<String, Object> document) {
        this.account = account;
        this.region = region;
        this.permissions = List.copyOf(permissions);
        this.document = Json.freeze(document);
    }

    /** The policy the journal's calls in one account and region needed (entries of others are ignored). */
    public static RequiredPolicy fromJournal(List<JournalEntry> journal, String account, String region) {
        FakeSettings.requireAccount(account);
        FakeSettings.requireRegion(region);
        List<RequiredPolicies.Call> calls = new ArrayList<>(journal.size());
        for (JournalEntry e : journal) {
            calls.add(new RequiredPolicies.Call(e.operation(), e.account(), e.region(), e.request()));
        }
        List<RequiredPolicies.Grant> grants = RequiredPolicies.grants(calls, account, region);
        List<Permission> permissions = new ArrayList<>();
        for (RequiredPolicies.Grant g : grants) {
            Permission p = new Permission(g.action(), g.resource());
            if (!permissions.contains(p)) {
                permissions.add(p);
            }
        }
        return new RequiredPolicy(account, region, permissions, RequiredPolicies.document(grants));
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    /** The distinct (action, resource) pairs, sorted by action then resource. */
    public List<Permission> permissions() {
        return permissions;
    }

    /** The IAM actions needed, sorted. */
    public List<String> actions() {
        return permissions.stream().map(Permission::action).distinct().toList();
    }

    /** Whether the calls needed no permission at all (no call in this account and region). */
    public boolean isEmpty() {
        return permissions.isEmpty();
    }

    /** The policy document as plain maps and lists (read-only). */
    public Map<String, Object> toMap() {
        return document;
    }

    /** The policy document, indented: ready for {@code aws iam put-role-policy} or a Terraform file. */
    public String toJson() {
        StringBuilder out = new StringBuilder();
        pretty(document, "", out);
        return out.append('\n').toString();
    }

    private static void pretty(Object value, String indent, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(indent).append("  ");
                Json.writeString((String) e.getKey(), out);
                out.append(": ");
                pretty(e.getValue(), indent + "  ", out);
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                out.append(indent).append("  ");
                pretty(list.get(i), indent + "  ", out);
                out.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else {
            Json.write(value, out);
        }
    }

    @Override
    public String toString() {
        return "RequiredPolicy[" + account + "/" + region + "] " + permissions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequiredPolicy other && account.equals(other.account) && region.equals(other.region)
                && document.equals(other.document);
    }

    @Override
    public int hashCode() {
        return Objects.hash(account, region, document);
    }
}
