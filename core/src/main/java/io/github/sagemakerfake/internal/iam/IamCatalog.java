package io.github.sagemakerfake.internal.iam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each operation is authorized against (docs/iam.md, "The catalog"): the IAM action
 * {@code sagemaker:<Operation>}, the ARN of the resource it acts on (built from the request and the
 * caller's account and region; {@code *} where the Service Authorization Reference lists no
 * resource type), the condition keys in its request context, and the further authorizations the
 * same call needs: {@code sagemaker:AddTags} for a Create that carries Tags, {@code iam:PassRole}
 * on a job's or flow's RoleArn, the {@code cognito-idp} actions for Cognito workforces and teams,
 * {@code aws-marketplace:ViewSubscriptions} for subscribed (vendor) teams.
 */
public final class IamCatalog {

    /** How an operation names the resource it is authorized against. */
    enum Resource {
        /** No resource type: the policy must grant {@code "Resource": "*"}. */
        NONE(null, null),
        WORKFORCE("WorkforceName", "workforce/"),
        WORKTEAM("WorkteamName", "workteam/private-crowd/"),
        LABELING_JOB("LabelingJobName", "labeling-job/"),
        FLOW_DEFINITION("FlowDefinitionName", "flow-definition/"),
        HUMAN_TASK_UI("HumanTaskUiName", "human-task-ui/"),
        /** The ARN the request names in {@code WorkteamArn}. */
        WORKTEAM_ARN("WorkteamArn", null),
        /** The ARN the request names in {@code ResourceArn} (the tagging operations). */
        RESOURCE_ARN("ResourceArn", null);

        final String member;
        final String arnPrefix;

        Resource(String member, String arnPrefix) {
            this.member = member;
            this.arnPrefix = arnPrefix;
        }
    }

    /** One operation's row: its resource, and whether it creates a resource that Tags may tag. */
    record Entry(String operation, Resource resource, boolean create, boolean tagOnCreate) {
        String action() {
            return "sagemaker:" + operation;
        }
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        row("CreateWorkforce", Resource.WORKFORCE, true, false); // workforce is no AddTags resource type
        row("DescribeWorkforce", Resource.WORKFORCE, false, false);
        row("UpdateWorkforce", Resource.WORKFORCE, false, false);
        row("DeleteWorkforce", Resource.WORKFORCE, false, false);
        row("ListWorkforces", Resource.NONE, false, false);
        row("CreateWorkteam", Resource.WORKTEAM, true, true);
        row("DescribeWorkteam", Resource.WORKTEAM, false, false);
        row("UpdateWorkteam", Resource.WORKTEAM, false, false);
        row("DeleteWorkteam", Resource.WORKTEAM, false, false);
        row("ListWorkteams", Resource.NONE, false, false);
        row("ListSubscribedWorkteams", Resource.NONE, false, false);
        row("DescribeSubscribedWorkteam", Resource.WORKTEAM_ARN, false, false);
        row("ListLabelingJobsForWorkteam", Resource.WORKTEAM_ARN, false, false);
        row("AddTags", Resource.RESOURCE_ARN, false, false);
        row("DeleteTags", Resource.RESOURCE_ARN, false, false);
        row("ListTags", Resource.RESOURCE_ARN, false, false);
        row("CreateLabelingJob", Resource.LABELING_JOB, true, true);
        row("DescribeLabelingJob", Resource.LABELING_JOB, false, false);
        row("ListLabelingJobs", Resource.NONE, false, false);
        row("StopLabelingJob", Resource.LABELING_JOB, false, false);
        row("CreateFlowDefinition", Resource.FLOW_DEFINITION, true, true);
        row("DescribeFlowDefinition", Resource.FLOW_DEFINITION, false, false);
        row("ListFlowDefinitions", Resource.NONE, false, false);
        row("DeleteFlowDefinition", Resource.FLOW_DEFINITION, false, false);
        row("CreateHumanTaskUi", Resource.HUMAN_TASK_UI, true, true);
        row("DescribeHumanTaskUi", Resource.HUMAN_TASK_UI, false, false);
        row("ListHumanTaskUis", Resource.NONE, false, false);
        row("DeleteHumanTaskUi", Resource.HUMAN_TASK_UI, false, false);
    }

    private static final List<String> COGNITO_ACTIONS = List.of("cognito-idp:DescribeUserPool",
            "cognito-idp:DescribeUserPoolClient", "cognito-idp:UpdateUserPool", "cognito-idp:UpdateUserPoolClient");

    private static void row(String operation, Resource resource, boolean create, boolean tagOnCreate) {
        ENTRIES.put(operation, new Entry(operation, resource, create, tagOnCreate));
    }

    /** The existing tags of a resource, for {@code aws:ResourceTag/<key>}; empty when it has none or is absent. */
    @FunctionalInterface
    public interface ResourceTags {
        ResourceTags NONE = arn -> Map.of();

        Map<String, String> of(String arn);
    }

    /**
     * One authorization a call needs.
     *
     * @param request         what is evaluated against the caller's policy
     * @param grantCondition  the condition a least-privilege grant of it carries (operator to key to
     *                        value), empty for none
     */
    public record Check(AuthRequest request, Map<String, Map<String, String>> grantCondition) {
    }

    /** Who calls, for the principal keys and the denial message. */
    public record Caller(String account, String region, String accessKeyId) {

        /** The IAM user the fake takes the caller for (docs/iam.md, "The caller"). */
        public String principalArn() {
            return "arn:" + partition(region) + ":iam::" + account + ":user/" + userName();
        }

        String userName() {
            return accessKeyId == null || accessKeyId.isEmpty() ? "anonymous" : accessKeyId;
        }
    }

    private IamCatalog() {
    }

    /** The operations the catalog knows, in the order of docs/iam.md's table. */
    public static Set<String> operations() {
        return Collections.unmodifiableSet(ENTRIES.keySet());
    }

    static Entry entry(String operation) {
        return ENTRIES.get(operation);
    }

    /**
     * The authorizations one call needs, in the order they are checked (the call fails at the first
     * denial): the operation's own action, then AddTags, then PassRole, then the other services'.
     * Empty when the operation is not in the catalog, or when the request lacks the member that names
     * its resource (the call then fails validation, which answers first; docs/iam.md).
     */
    public static List<Check> checks(String operation, Map<String, Object> request, Caller caller, Instant now,
                                     ResourceTags tags) {
        Entry entry = ENTRIES.get(operation);
        if (entry == null) {
            return List.of();
        }
        String resource = resourceArn(entry.resource(), request, caller);
        if (resource == null) {
            return List.of();
        }
        Map<String, List<String>> base = globalKeys(caller, now);
        List<Check> checks = new ArrayList<>();

        Map<String, List<String>> keys = new LinkedHashMap<>(base);
        Map<String, String> requestTags = tags(request.get("Tags"));
        if (entry.create()) {
            putRequestTags(keys, requestTags);
            putResourceTags(keys, requestTags); // a create's own tags are its resource tags
        } else if (entry.resource() != Resource.NONE) {
            putResourceTags(keys, tags.of(resource));
        }
        switch (operation) {
            case "AddTags" -> putRequestTags(keys, requestTags);
            case "DeleteTags" -> {
                List<String> removed = strings(request.get("TagKeys"));
                if (!removed.isEmpty()) {
                    keys.put("aws:tagkeys", removed);
                }
            }
            case "CreateLabelingJob" -> {
                putWorkteam(keys, member(request, "HumanTaskConfig", "WorkteamArn"));
                putIfText(keys, "sagemaker:outputkmskeyarn", member(request, "OutputConfig", "KmsKeyId"));
                putIfText(keys, "sagemaker:volumekmskeyarn", member(request, "LabelingJobAlgorithmsConfig",
                        "LabelingJobResourceConfig", "VolumeKmsKeyId"));
            }
            case "CreateFlowDefinition" -> putWorkteam(keys, member(request, "HumanLoopConfig", "WorkteamArn"));
            default -> {
            }
        }
        checks.add(new Check(new AuthRequest(entry.action(), resource, keys), Map.of()));

        if (entry.tagOnCreate() && !requestTags.isEmpty()) {
            Map<String, List<String>> tagKeys = new LinkedHashMap<>(base);
            putRequestTags(tagKeys, requestTags);
            putResourceTags(tagKeys, requestTags);
            tagKeys.put("sagemaker:taggingaction", List.of(operation));
            checks.add(new Check(new AuthRequest("sagemaker:AddTags", resource, tagKeys),
                    Map.of("StringEquals", Map.of("sagemaker:TaggingAction", operation))));
        }
        if (operation.equals("CreateLabelingJob") || operation.equals("CreateFlowDefinition")) {
            Object role = request.get("RoleArn");
            if (role instanceof String roleArn && !roleArn.isEmpty()) {
                Map<String, List<String>> passKeys = new LinkedHashMap<>(base);
                passKeys.put("iam:passedtoservice", List.of("sagemaker.amazonaws.com"));
                checks.add(new Check(new AuthRequest("iam:PassRole", roleArn, passKeys),
                        Map.of("StringEquals", Map.of("iam:PassedToService", "sagemaker.amazonaws.com"))));
            }
        }
        for (String pool : cognitoUserPools(operation, request)) {
            String poolArn = "arn:" + partition(caller.region()) + ":cognito-idp:" + poolRegion(pool, caller.region())
                    + ":" + caller.account() + ":userpool/" + pool;
            for (String action : COGNITO_ACTIONS) {
                checks.add(new Check(new AuthRequest(action, poolArn, base), Map.of()));
            }
        }
        if (operation.equals("ListSubscribedWorkteams") || operation.equals("DescribeSubscribedWorkteam")) {
            checks.add(new Check(new AuthRequest("aws-marketplace:ViewSubscriptions", "*", base), Map.of()));
        }
        return checks;
    }

    private static String resourceArn(Resource resource, Map<String, Object> request, Caller caller) {
        if (resource == Resource.NONE) {
            return "*";
        }
        if (!(request.get(resource.member) instanceof String value) || value.isEmpty()) {
            return null;
        }
        if (resource.arnPrefix == null) {
            return value; // the caller named the ARN itself
        }
        return "arn:" + partition(caller.region()) + ":sagemaker:" + caller.region() + ":" + caller.account() + ":"
                + resource.arnPrefix + value;
    }

    private static Map<String, List<String>> globalKeys(Caller caller, Instant now) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("aws:requestedregion", List.of(caller.region()));
        keys.put("aws:principalaccount", List.of(caller.account()));
        keys.put("aws:principalarn", List.of(caller.principalArn()));
        keys.put("aws:principaltype", List.of("User"));
        keys.put("aws:username", List.of(caller.userName()));
        keys.put("aws:userid", List.of(caller.userName()));
        keys.put("aws:currenttime", List.of(now.toString()));
        keys.put("aws:epochtime", List.of(Long.toString(now.getEpochSecond())));
        return keys;
    }

    /** {@code aws:RequestTag/<key>} per tag (lower-cased: tag keys in condition keys ignore case) and {@code aws:TagKeys}. */
    private static void putRequestTags(Map<String, List<String>> keys, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        tags.forEach((k, v) -> keys.put("aws:requesttag/" + k.toLowerCase(Locale.ROOT), List.of(v)));
        keys.put("aws:tagkeys", List.copyOf(tags.keySet()));
    }

    private static void putResourceTags(Map<String, List<String>> keys, Map<String, String> tags) {
        tags.forEach((k, v) -> {
            keys.put("aws:resourcetag/" + k.toLowerCase(Locale.ROOT), List.of(v));
            keys.put("sagemaker:resourcetag/" + k.toLowerCase(Locale.ROOT), List.of(v));
        });
    }

    private static void putWorkteam(Map<String, List<String>> keys, Object workteamArn) {
        if (workteamArn instanceof String arn && !arn.isEmpty()) {
            keys.put("sagemaker:workteamarn", List.of(arn));
            String type = workteamType(arn);
            if (type != null) {
                keys.put("sagemaker:workteamtype", List.of(type));
            }
        }
    }

    /** {@code private-crowd}, {@code public-crowd} or {@code vendor-crowd}: the team ARN's path segment. */
    static String workteamType(String arn) {
        int at = arn.indexOf(":workteam/");
        if (at < 0) {
            return null;
        }
        String rest = arn.substring(at + ":workteam/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? null : rest.substring(0, slash);
    }

    private static void putIfText(Map<String, List<String>> keys, String key, Object value) {
        if (value instanceof String s && !s.isEmpty()) {
            keys.put(key, List.of(s));
        }
    }

    private static Object member(Map<String, Object> request, String... path) {
        Object at = request;
        for (String p : path) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = m.get(p);
        }
        return at;
    }

    /** The Tags list of a request as a map; malformed entries are left to validation. */
    private static Map<String, String> tags(Object tags) {
        if (!(tags instanceof List<?> list) || list.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Object t : list) {
            if (t instanceof Map<?, ?> m && m.get("Key") instanceof String k) {
                out.put(k, m.get("Value") instanceof String v ? v : "");
            }
        }
        return out;
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        list.forEach(x -> {
            if (x instanceof String s) {
                out.add(s);
            }
        });
        return out;
    }

    private static Set<String> cognitoUserPools(String operation, Map<String, Object> request) {
        Set<String> pools = new LinkedHashSet<>();
        if (operation.equals("CreateWorkforce")) {
            if (member(request, "CognitoConfig", "UserPool") instanceof String pool && !pool.isEmpty()) {
                pools.add(pool);
            }
        } else if (operation.equals("CreateWorkteam") && request.get("MemberDefinitions") instanceof List<?> members) {
            for (Object m : members) {
                if (m instanceof Map<?, ?> member && member.get("CognitoMemberDefinition") instanceof Map<?, ?> c
                        && c.get("UserPool") instanceof String pool && !pool.isEmpty()) {
                    pools.add(pool);
                }
            }
        }
        return pools;
    }

    /** A user pool id is {@code <region>_<id>}; its region is the pool's. */
    private static String poolRegion(String pool, String fallback) {
        int underscore = pool.indexOf('_');
        return underscore > 0 ? pool.substring(0, underscore) : fallback;
    }

    static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
