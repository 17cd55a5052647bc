package io.github.sagemakerfake.internal.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The identity policies a fake enforces: one for every caller, and per access key id one that
 * replaces it for that key (docs/iam.md, "Enforcement"). Immutable; the fake swaps the whole
 * object when a policy changes, so a request reads one consistent set.
 */
public final class IamEnforcement {

    /** The error code of a denial, answered with HTTP 400 (docs/iam.md). */
    public static final String ACCESS_DENIED = "AccessDeniedException";

    private final Policy everyone;
    private final Map<String, Policy> byAccessKey;

    private final boolean readsResourceTags;

    private IamEnforcement(Policy everyone, Map<String, Policy> byAccessKey) {
        this.everyone = everyone;
        this.byAccessKey = Map.copyOf(byAccessKey);
        this.readsResourceTags = (everyone != null && everyone.readsResourceTags())
                || byAccessKey.values().stream().anyMatch(Policy::readsResourceTags);
    }

    /** Whether any policy reads a resource's existing tags (else they are not looked up). */
    public boolean readsResourceTags() {
        return readsResourceTags;
    }

    /** No policy at all; {@link #orNull()} of it is null, which turns enforcement off. */
    public static IamEnforcement none() {
        return new IamEnforcement(null, Map.of());
    }

    public IamEnforcement withPolicyForEveryone(Policy policy) {
        return new IamEnforcement(policy, byAccessKey);
    }

    public IamEnforcement withPolicyFor(String accessKeyId, Policy policy) {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Map<String, Policy> copy = new LinkedHashMap<>(byAccessKey);
        if (policy == null) {
            copy.remove(accessKeyId);
        } else {
            copy.put(accessKeyId, policy);
        }
        return new IamEnforcement(everyone, copy);
    }

    /** This, or null when it enforces nothing: the protocol's one check for "enforcement off". */
    public IamEnforcement orNull() {
        return everyone == null && byAccessKey.isEmpty() ? null : this;
    }

    public Policy everyone() {
        return everyone;
    }

    public Map<String, Policy> byAccessKey() {
        return byAccessKey;
    }

    /** The policy that applies to a caller, or null when none does (the call is not checked). */
    Policy policyFor(String accessKeyId) {
        Policy own = accessKeyId == null ? null : byAccessKey.get(accessKeyId);
        return own != null ? own : everyone;
    }

    /**
     * Authorizes one call.
     *
     * @return null when allowed, else the message of the AccessDeniedException to answer
     */
    public String deny(String operation, Map<String, Object> request, IamCatalog.Caller caller, Instant now,
                       IamCatalog.ResourceTags tags) {
        Policy policy = policyFor(caller.accessKeyId());
        if (policy == null) {
            return null;
        }
        List<IamCatalog.Check> checks = IamCatalog.checks(operation, request, caller, now, tags);
        for (IamCatalog.Check check : checks) {
            Policy.Decision decision = policy.evaluate(check.request());
            if (decision != Policy.Decision.ALLOW) {
                return message(caller, check.request(), decision);
            }
        }
        return null;
    }

    /**
     * AWS's wording (docs/iam.md, "The answer"): no "on resource:" part for an action authorized
     * against {@code *}.
     */
    static String message(IamCatalog.Caller caller, AuthRequest request, Policy.Decision decision) {
        String on = request.resource().equals("*") ? "" : " on resource: " + request.resource();
        String head = "User: " + caller.principalArn() + " is not authorized to perform: " + request.action() + on;
        return decision == Policy.Decision.EXPLICIT_DENY
                ? head + " with an explicit deny in an identity-based policy"
                : head + " because no identity-based policy allows the " + request.action() + " action";
    }
}
