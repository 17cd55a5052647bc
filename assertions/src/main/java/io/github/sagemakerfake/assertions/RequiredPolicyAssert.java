package io.github.sagemakerfake.assertions;

import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.control.RequiredPolicy;
import io.github.sagemakerfake.control.RequiredPolicy.Permission;
import io.github.sagemakerfake.internal.iam.IamCatalog;
import io.github.sagemakerfake.internal.iam.IamEnforcement;
import io.github.sagemakerfake.internal.iam.IamPolicies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Assertions on the least-privilege identity policy the journal's calls needed (docs/iam.md),
 * reached from {@link RequestJournalAssert#requiredPolicy()}.
 *
 * <pre>{@code
 * assertThatJournal(fake).requiredPolicy()
 *         .includes("sagemaker:CreateWorkteam", "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/labelers")
 *         .doesNotIncludeAction("sagemaker:DeleteWorkforce")
 *         .isCoveredBy(Files.readString(Path.of("infra/labeling-role-policy.json")));
 * }</pre>
 */
public class RequiredPolicyAssert extends AbstractFakeAssert<RequiredPolicyAssert, RequiredPolicy> {

    private List<JournalEntry> journal = List.of();

    public RequiredPolicyAssert(RequiredPolicy actual) {
        super(actual, RequiredPolicyAssert.class);
    }

    public RequiredPolicyAssert(RequiredPolicy actual, List<JournalEntry> journal) {
        this(actual);
        withJournal(journal);
    }

    /** The calls the policy was derived from, for {@link #isCoveredBy(String)}. */
    RequiredPolicyAssert withJournal(List<JournalEntry> calls) {
        this.journal = calls == null ? List.of() : List.copyOf(calls);
        return this;
    }

    /** Verifies that the calls needed this action on this resource ({@code *} for actions without a resource type). */
    public RequiredPolicyAssert includes(String action, String resource) {
        isNotNull();
        if (!actual.permissions().contains(new Permission(action, resource))) {
            fail("Expecting the required policy to include %s on %s, but it does not. It includes:%n%s", action,
                    resource, listing(actual.permissions()));
        }
        return myself;
    }

    /** Verifies that no call needed this action on this resource. */
    public RequiredPolicyAssert doesNotInclude(String action, String resource) {
        isNotNull();
        if (actual.permissions().contains(new Permission(action, resource))) {
            fail("Expecting the required policy not to include %s on %s, but a call needed it.", action, resource);
        }
        return myself;
    }

    /** Verifies that no call needed this action, on any resource. */
    public RequiredPolicyAssert doesNotIncludeAction(String action) {
        isNotNull();
        List<Permission> found = actual.permissions().stream().filter(p -> p.action().equals(action)).toList();
        if (!found.isEmpty()) {
            fail("Expecting the required policy not to include %s, but the calls needed it on:%n%s", action,
                    listing(found));
        }
        return myself;
    }

    /** Verifies the IAM actions needed, exactly (order ignored). */
    public RequiredPolicyAssert hasActionsExactly(String... actions) {
        isNotNull();
        List<String> expected = Arrays.stream(actions).sorted().distinct().toList();
        if (!actual.actions().equals(expected)) {
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(actual.actions());
            List<String> extra = new ArrayList<>(actual.actions());
            extra.removeAll(expected);
            fail("Expecting the required policy's actions to be exactly%n  %s%nbut%s%s", expected,
                    missing.isEmpty() ? "" : String.format("%n  these were not needed: %s", missing),
                    extra.isEmpty() ? "" : String.format("%n  these were needed as well: %s", extra));
        }
        return myself;
    }

    /** Verifies the (action, resource) pairs needed, exactly (order ignored). */
    public RequiredPolicyAssert containsExactly(Permission... permissions) {
        isNotNull();
        List<Permission> expected = Arrays.asList(permissions);
        List<Permission> missing = new ArrayList<>(expected);
        missing.removeAll(actual.permissions());
        List<Permission> extra = new ArrayList<>(actual.permissions());
        extra.removeAll(expected);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            fail("Expecting the required policy to be exactly%n%s%nbut%s%s", listing(expected),
                    missing.isEmpty() ? "" : String.format("%n  these were not needed:%n%s", listing(missing)),
                    extra.isEmpty() ? "" : String.format("%n  these were needed as well:%n%s", listing(extra)));
        }
        return myself;
    }

    /**
     * Verifies that a given identity policy (say, the role's policy in your infrastructure code)
     * allows every call the journal holds in this account and region, evaluated as the fake enforces
     * (conditions, AddTags for Create with Tags, PassRole). The failure lists each call it would deny,
     * with AWS's message.
     *
     * @throws IllegalArgumentException when the policy cannot be read (place and reason in the message)
     */
    public RequiredPolicyAssert isCoveredBy(String policyJson) {
        isNotNull();
        if (journal.isEmpty() && !actual.isEmpty()) {
            fail("Expecting the journal's calls to check the policy against, but this assertion has none; start from "
                    + "assertThatJournal(fake).requiredPolicy().isCoveredBy(...).");
        }
        IamPolicies policies = new IamPolicies();
        policies.setForEveryone(policyJson, "isCoveredBy");
        IamEnforcement enforcement = policies.active();
        List<String> denials = new ArrayList<>();
        for (JournalEntry e : journal) {
            if (!e.account().equals(actual.account()) || !e.region().equals(actual.region())) {
                continue;
            }
            String denial = enforcement.deny(e.operation(), e.request(),
                    new IamCatalog.Caller(e.account(), e.region(), null), e.time() == null ? Instant.EPOCH : e.time(),
                    IamCatalog.ResourceTags.NONE);
            if (denial != null) {
                denials.add("  #" + e.sequence() + " " + e.operation() + ": " + denial);
            }
        }
        if (!denials.isEmpty()) {
            fail("Expecting the policy to allow every call the code made in %s/%s, but it would deny %s:%n%s",
                    actual.account(), actual.region(), Texts.plural(denials.size(), "call", "calls"),
                    String.join(String.format("%n"), denials));
        }
        return myself;
    }

    private static String listing(List<Permission> permissions) {
        return permissions.isEmpty() ? "  (nothing)" : permissions.stream().map(p -> "  " + p)
                .collect(Collectors.joining(String.format("%n")));
    }
}
