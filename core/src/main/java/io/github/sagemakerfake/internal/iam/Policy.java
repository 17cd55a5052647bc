package io.github.sagemakerfake.internal.iam;

import io.github.sagemakerfake.internal.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An identity-based policy, checked when it is configured and then evaluated per authorization
 * (docs/iam.md, "How a policy is evaluated"): an applicable Deny wins, else an applicable Allow
 * allows, else the request is implicitly denied. A statement applies when its Action (or
 * NotAction), its Resource (or NotResource) and every condition match.
 *
 * <p>The document is read with the AWS SDK's {@code iam-policy-builder} ({@link SdkPolicyReader});
 * before that, the project's own strict JSON reader checks what the SDK's reader would pass over
 * in silence (an unknown member such as {@code "Resources"}, a duplicate key, a Principal, an empty
 * list of values), so every mistake is refused with its place instead of changing what the policy
 * means.
 */
public final class Policy {

    /** The outcome of evaluating one authorization. */
    public enum Decision { ALLOW, IMPLICIT_DENY, EXPLICIT_DENY }

    private static final Set<String> POLICY_MEMBERS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_MEMBERS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
            "NotResource", "Condition", "Principal", "NotPrincipal");
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9*?]+");

    /** A statement compiled for evaluation; {@code actions} hold lower-cased action patterns. */
    record Statement(String place, boolean deny, boolean notAction, List<int[]> actions, boolean notResource,
                     List<Glob> resources, List<Condition> conditions) {

        boolean applies(AuthRequest request) {
            boolean actionListed = false;
            for (int[] a : actions) {
                if (Glob.matches(a, request.action(), true)) {
                    actionListed = true;
                    break;
                }
            }
            if (actionListed == notAction) {
                return false;
            }
            boolean resourceListed = false;
            for (Glob r : resources) {
                if (resourceMatches(r, request)) {
                    resourceListed = true;
                    break;
                }
            }
            if (resourceListed == notResource) {
                return false;
            }
            for (Condition c : conditions) {
                if (!c.test(request)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean resourceMatches(Glob pattern, AuthRequest request) {
            int[] p = pattern.expand(request::variable);
            if (p == null) {
                return false;
            }
            if (p.length == 1 && p[0] == Glob.STAR) {
                return true;
            }
            String resource = request.resource();
            return resource.equals("*") ? Glob.matches(p, resource, false) : Glob.matchesArn(p, resource);
        }
    }

    private final String source;
    private final String json;
    private final List<Statement> statements;

    private Policy(String source, String json, List<Statement> statements) {
        this.source = source;
        this.json = json;
        this.statements = List.copyOf(statements);
    }

    /** Where the policy came from, e.g. a file name or "the builder's iamPolicy". */
    public String source() {
        return source;
    }

    /** The document as given. */
    public String json() {
        return json;
    }

    /** Whether a condition reads {@code aws:ResourceTag/...} or {@code sagemaker:ResourceTag/...}: only then are a resource's tags looked up. */
    public boolean readsResourceTags() {
        for (Statement s : statements) {
            for (Condition c : s.conditions()) {
                String key = c.key().toLowerCase(Locale.ROOT);
                if (key.startsWith("aws:resourcetag/") || key.startsWith("sagemaker:resourcetag/")) {
                    return true;
                }
            }
        }
        return false;
    }

    public Decision evaluate(AuthRequest request) {
        boolean allowed = false;
        for (Statement s : statements) {
            if (s.applies(request)) {
                if (s.deny()) {
                    return Decision.EXPLICIT_DENY;
                }
                allowed = true;
            }
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    /**
     * @param source where the document came from, named in any refusal
     * @throws PolicyException naming the place and the reason of the first mistake
     */
    public static Policy parse(String json, String source) {
        if (json == null) {
            throw refuse(source, "$", "there is no policy document (null)", null);
        }
        Object parsed;
        try {
            parsed = Json.parse(json);
        } catch (Json.ParseException e) {
            throw refuse(source, "$", "not valid JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> document)) {
            throw refuse(source, "$", "a policy is a JSON object with \"Version\" and \"Statement\"", null);
        }
        Map<String, Object> normalized = checkDocument(source, document);
        boolean variables = "2012-10-17".equals(normalized.get("Version"));
        List<SdkPolicyReader.RawStatement> raw;
        try {
            raw = SdkPolicyReader.read(Json.write(normalized));
        } catch (RuntimeException e) {
            throw refuse(source, "$", "the AWS SDK's policy reader refused it: " + e.getMessage(), e);
        }
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            statements.add(compile(source, placeOf(normalized, i), raw.get(i), variables));
        }
        return new Policy(source, json, statements);
    }

    private static String placeOf(Map<String, Object> document, int index) {
        Object statement = document.get("Statement");
        Object one = statement instanceof List<?> list ? list.get(index) : statement;
        Object sid = ((Map<?, ?>) one).get("Sid");
        String path = statement instanceof List ? "$.Statement[" + index + "]" : "$.Statement";
        return sid == null ? path : path + " (Sid \"" + sid + "\")";
    }

    private static Statement compile(String source, String place, SdkPolicyReader.RawStatement s, boolean variables) {
        boolean notAction = s.notActions() != null;
        List<int[]> actions = new ArrayList<>();
        for (String a : notAction ? s.notActions() : s.actions()) {
            actions.add(Glob.compile(a.toLowerCase(Locale.ROOT), false).expand(k -> null));
        }
        boolean notResource = s.notResources() != null;
        List<Glob> resources = new ArrayList<>();
        for (String r : notResource ? s.notResources() : s.resources()) {
            try {
                resources.add(Glob.compile(r, variables));
            } catch (IllegalArgumentException e) {
                throw refuse(source, place + "." + (notResource ? "NotResource" : "Resource"), "\"" + r + "\": "
                        + e.getMessage(), e);
            }
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<String>>> byOperator : s.conditions().entrySet()) {
            for (Map.Entry<String, List<String>> byKey : byOperator.getValue().entrySet()) {
                try {
                    conditions.add(Condition.of(byOperator.getKey(), byKey.getKey(), byKey.getValue(), variables));
                } catch (IllegalArgumentException e) {
                    throw refuse(source, place + ".Condition." + byOperator.getKey() + "[\"" + byKey.getKey() + "\"]",
                            e.getMessage(), e);
                }
            }
        }
        return new Statement(place, "Deny".equals(s.effect()), notAction, actions, notResource, resources, conditions);
    }

    /**
     * The structural checks, with places; returns the document with booleans and numbers among
     * condition values written as strings (the SDK's reader would otherwise drop them).
     */
    private static Map<String, Object> checkDocument(String source, Map<?, ?> document) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : document.entrySet()) {
            String key = (String) e.getKey();
            if (!POLICY_MEMBERS.contains(key)) {
                throw refuse(source, "$." + key, "unknown member; a policy has Version, Id and Statement", null);
            }
            out.put(key, e.getValue());
        }
        Object version = document.get("Version");
        if (version != null && !"2012-10-17".equals(version) && !"2008-10-17".equals(version)) {
            throw refuse(source, "$.Version", "\"" + version + "\" is not a policy language version; use "
                    + "\"2012-10-17\"", null);
        }
        Object statement = document.get("Statement");
        if (statement == null) {
            throw refuse(source, "$.Statement", "missing: a policy needs at least one statement", null);
        }
        if (statement instanceof Map<?, ?> single) {
            out.put("Statement", checkStatement(source, "$.Statement", single));
        } else if (statement instanceof List<?> list) {
            if (list.isEmpty()) {
                throw refuse(source, "$.Statement", "empty: a policy needs at least one statement", null);
            }
            List<Object> checked = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> m)) {
                    throw refuse(source, "$.Statement[" + i + "]", "a statement is a JSON object", null);
                }
                checked.add(checkStatement(source, "$.Statement[" + i + "]", m));
            }
            out.put("Statement", checked);
        } else {
            throw refuse(source, "$.Statement", "a statement object or an array of them", null);
        }
        return out;
    }

    private static Map<String, Object> checkStatement(String source, String path, Map<?, ?> statement) {
        Object sid = statement.get("Sid");
        String place = sid instanceof String s ? path + " (Sid \"" + s + "\")" : path;
        for (Object k : statement.keySet()) {
            String key = (String) k;
            if (!STATEMENT_MEMBERS.contains(key)) {
                throw refuse(source, place + "." + key, "unknown member; a statement has Sid, Effect, Action or "
                        + "NotAction, Resource or NotResource, and Condition", null);
            }
            if (key.equals("Principal") || key.equals("NotPrincipal")) {
                throw refuse(source, place + "." + key, "an identity-based policy names no principal: it applies to "
                        + "the caller it is attached to (the fake supports identity-based policies only)", null);
            }
        }
        if (sid != null && !(sid instanceof String)) {
            throw refuse(source, place + ".Sid", "a string", null);
        }
        Object effect = statement.get("Effect");
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            throw refuse(source, place + ".Effect", effect == null ? "missing: \"Allow\" or \"Deny\""
                    : "\"" + effect + "\" is neither \"Allow\" nor \"Deny\"", null);
        }
        checkExactlyOne(source, place, statement, "Action", "NotAction");
        checkExactlyOne(source, place, statement, "Resource", "NotResource");
        for (String member : List.of("Action", "NotAction")) {
            List<String> values = strings(source, place + "." + member, statement.get(member));
            for (String a : values == null ? List.<String>of() : values) {
                if (!a.equals("*") && !ACTION.matcher(a).matches()) {
                    throw refuse(source, place + "." + member, "\"" + a + "\" is not an action: write "
                            + "service:Action, e.g. \"sagemaker:CreateWorkteam\", \"sagemaker:*\" or \"*\"", null);
                }
            }
        }
        for (String member : List.of("Resource", "NotResource")) {
            List<String> values = strings(source, place + "." + member, statement.get(member));
            for (String r : values == null ? List.<String>of() : values) {
                boolean arn = r.startsWith("arn:") && r.chars().filter(c -> c == ':').count() >= 5;
                if (!r.equals("*") && !arn) {
                    throw refuse(source, place + "." + member, "\"" + r + "\" is neither \"*\" nor an ARN "
                            + "(arn:partition:service:region:account:resource)", null);
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        statement.forEach((k, v) -> out.put((String) k, v));
        Object condition = statement.get("Condition");
        if (condition != null) {
            out.put("Condition", checkCondition(source, place + ".Condition", condition));
        }
        return out;
    }

    private static Map<String, Object> checkCondition(String source, String place, Object condition) {
        if (!(condition instanceof Map<?, ?> operators) || operators.isEmpty()) {
            throw refuse(source, place, "an object of operators, e.g. {\"StringEquals\": {\"aws:RequestTag/team\": "
                    + "\"a\"}}", null);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> op : operators.entrySet()) {
            String opPlace = place + "." + op.getKey();
            if (!(op.getValue() instanceof Map<?, ?> keys) || keys.isEmpty()) {
                throw refuse(source, opPlace, "an object of condition keys and their values", null);
            }
            Map<String, Object> keysOut = new LinkedHashMap<>();
            for (Map.Entry<?, ?> k : keys.entrySet()) {
                String keyPlace = opPlace + "[\"" + k.getKey() + "\"]";
                Object v = k.getValue();
                List<Object> items = v instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(v == null
                        ? "" : v));
                if (v == null || items.isEmpty()) {
                    throw refuse(source, keyPlace, "a condition key needs a value or a non-empty array of values", null);
                }
                List<String> strings = new ArrayList<>();
                for (Object item : items) {
                    if (item instanceof String s) {
                        strings.add(s);
                    } else if (item instanceof Boolean || item instanceof BigDecimal) {
                        strings.add(item instanceof BigDecimal d ? Json.numberText(d) : item.toString());
                    } else {
                        throw refuse(source, keyPlace, "condition values are strings (or booleans and numbers)", null);
                    }
                }
                keysOut.put((String) k.getKey(), strings);
            }
            out.put((String) op.getKey(), keysOut);
        }
        return out;
    }

    private static void checkExactlyOne(String source, String place, Map<?, ?> statement, String a, String b) {
        boolean hasA = statement.containsKey(a);
        boolean hasB = statement.containsKey(b);
        if (hasA == hasB) {
            throw refuse(source, place, hasA ? "has both " + a + " and " + b + "; use one"
                    : "has neither " + a + " nor " + b + "; an identity-based statement needs one", null);
        }
    }

    private static List<String> strings(String source, String place, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(x -> x instanceof String)) {
            List<String> out = new ArrayList<>();
            list.forEach(x -> out.add((String) x));
            return out;
        }
        throw refuse(source, place, "a string or a non-empty array of strings", null);
    }

    private static PolicyException refuse(String source, String place, String reason, Throwable cause) {
        return new PolicyException("IAM policy from " + source + " refused at " + place + ": " + reason, cause);
    }

    @Override
    public String toString() {
        return "IAM policy from " + source + " (" + statements.size() + " statement(s))";
    }
}
