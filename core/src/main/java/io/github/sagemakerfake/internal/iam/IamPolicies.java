package io.github.sagemakerfake.internal.iam;

import java.util.Map;
import java.util.Objects;

/**
 * The policies one fake enforces, changeable while it serves (builder, annotation, server option,
 * admin API). Requests read {@link #active()}: one volatile read, null while no policy is set, so
 * a fake without a policy pays one null check per request (docs/benchmarks.md).
 */
public final class IamPolicies {

    private volatile IamEnforcement active;
    private IamEnforcement all = IamEnforcement.none();

    /** What requests enforce, or null when enforcement is off. */
    public IamEnforcement active() {
        return active;
    }

    /**
     * Sets (or with a null document removes) the policy of every caller without one of its own.
     *
     * @throws PolicyException when the document is refused; the policies in force stay as they were
     */
    public synchronized void setForEveryone(String policyJson, String source) {
        Policy policy = policyJson == null ? null : Policy.parse(policyJson, source);
        publish(all.withPolicyForEveryone(policy));
    }

    /**
     * Sets (or with a null document removes) the policy of one access key id, which replaces the
     * every-caller policy for that key.
     */
    public synchronized void setFor(String accessKeyId, String policyJson, String source) {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        if (accessKeyId.isEmpty()) {
            throw new IllegalArgumentException("An access key id must not be empty");
        }
        Policy policy = policyJson == null ? null : Policy.parse(policyJson, source);
        publish(all.withPolicyFor(accessKeyId, policy));
    }

    public synchronized void clear() {
        publish(IamEnforcement.none());
    }

    /** The policy documents in force: the every-caller one (or null) and those per access key id. */
    public synchronized Policy everyone() {
        return all.everyone();
    }

    public synchronized Map<String, Policy> byAccessKey() {
        return all.byAccessKey();
    }

    private void publish(IamEnforcement next) {
        all = next;
        active = next.orNull();
    }
}
