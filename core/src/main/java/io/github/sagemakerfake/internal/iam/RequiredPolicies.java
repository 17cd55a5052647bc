package io.github.sagemakerfake.internal.iam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The least-privilege identity policy a sequence of calls needed (docs/iam.md, "The required
 * policy"): every authorization of {@link IamCatalog#checks} of every call, as Allow statements
 * with the exact resources, grouped so that actions with the same resources and condition share a
 * statement.
 */
public final class RequiredPolicies {

    /** One call as the journal recorded it. */
    public record Call(String operation, String account, String region, Map<String, Object> request) {
    }

    /** One (action, resource) pair, with the condition its grant carries (empty for none). */
    public record Grant(String action, String resource, Map<String, Map<String, String>> condition) {
    }

    private RequiredPolicies() {
    }

    /** The distinct grants the calls of one account and region needed, sorted by service, action, resource. */
    public static List<Grant> grants(List<Call> calls, String account, String region) {
        IamCatalog.Caller caller = new IamCatalog.Caller(account, region, null);
        TreeMap<String, Grant> distinct = new TreeMap<>();
        for (Call call : calls) {
            if (!account.equals(call.account()) || !region.equals(call.region())) {
                continue;
            }
            for (IamCatalog.Check check : IamCatalog.checks(call.operation(), call.request(), caller, Instant.EPOCH,
                    IamCatalog.ResourceTags.NONE)) {
                Grant g = new Grant(check.request().action(), check.request().resource(), check.grantCondition());
                distinct.putIfAbsent(g.action() + "\u0000" + g.resource() + "\u0000" + g.condition(), g);
            }
        }
        return List.copyOf(distinct.values());
    }

    /**
     * The policy document: {@code Version} and one Allow statement per group of actions that share
     * resources and condition, as plain maps and lists (strings for single values, as IAM writes).
     */
    public static Map<String, Object> document(List<Grant> grants) {
        // action + condition -> resources
        Map<String, TreeSet<String>> resourcesByAction = new LinkedHashMap<>();
        Map<String, Grant> sample = new LinkedHashMap<>();
        for (Grant g : grants) {
            String key = g.action() + "\u0000" + g.condition();
            resourcesByAction.computeIfAbsent(key, k -> new TreeSet<>()).add(g.resource());
            sample.putIfAbsent(key, g);
        }
        // resources + condition -> actions
        Map<String, List<String>> actionsByGroup = new LinkedHashMap<>();
        Map<String, Object[]> groupShape = new LinkedHashMap<>();
        for (Map.Entry<String, TreeSet<String>> e : resourcesByAction.entrySet()) {
            Grant g = sample.get(e.getKey());
            String group = e.getValue() + "\u0000" + g.condition();
            actionsByGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(g.action());
            groupShape.putIfAbsent(group, new Object[] {List.copyOf(e.getValue()), g.condition()});
        }
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : actionsByGroup.entrySet()) {
            Object[] shape = groupShape.get(e.getKey());
            @SuppressWarnings("unchecked")
            List<String> resources = (List<String>) shape[0];
            @SuppressWarnings("unchecked")
            Map<String, Map<String, String>> condition = (Map<String, Map<String, String>>) shape[1];
            List<String> actions = e.getValue().stream().sorted().distinct().toList();
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("Effect", "Allow");
            statement.put("Action", actions.size() == 1 ? actions.get(0) : actions);
            statement.put("Resource", resources.size() == 1 ? resources.get(0) : resources);
            if (!condition.isEmpty()) {
                Map<String, Object> c = new TreeMap<>();
                condition.forEach((op, kv) -> c.put(op, new TreeMap<>(kv)));
                statement.put("Condition", c);
            }
            statements.add(statement);
        }
        statements.sort(Comparator.comparing((Map<String, Object> s) -> first(s.get("Action")))
                .thenComparing(s -> first(s.get("Resource"))));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        return document;
    }

    private static String first(Object value) {
        return value instanceof List<?> l ? Objects.toString(l.get(0)) : Objects.toString(value);
    }
}
