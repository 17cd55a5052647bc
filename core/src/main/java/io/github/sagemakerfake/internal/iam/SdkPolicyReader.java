package io.github.sagemakerfake.internal.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPolicyReader;
import software.amazon.awssdk.policybuilder.iam.IamResource;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * The one class that touches the AWS SDK's {@code iam-policy-builder}: reads a policy document into
 * plain values. Kept apart so that a fake without a policy (and a server started without
 * {@code --iam-policy}) never loads the SDK's classes.
 */
final class SdkPolicyReader {

    /** A statement as read; a null list means the element is absent. */
    record RawStatement(String effect, List<String> actions, List<String> notActions, List<String> resources,
                        List<String> notResources, Map<String, Map<String, List<String>>> conditions) {
    }

    private SdkPolicyReader() {
    }

    static List<RawStatement> read(String json) {
        IamPolicy policy = IamPolicyReader.create().read(json);
        List<RawStatement> out = new ArrayList<>();
        for (IamStatement s : policy.statements()) {
            Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
            for (IamCondition c : s.conditions()) {
                conditions.computeIfAbsent(c.operator().value(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(c.key().value(), k -> new ArrayList<>()).add(c.value());
            }
            out.add(new RawStatement(s.effect().value(), actions(s.actions()), actions(s.notActions()),
                    resources(s.resources()), resources(s.notResources()), conditions));
        }
        return out;
    }

    private static List<String> actions(List<IamAction> actions) {
        if (actions.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        actions.forEach(a -> out.add(a.value()));
        return out;
    }

    private static List<String> resources(List<IamResource> resources) {
        if (resources.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        resources.forEach(r -> out.add(r.value()));
        return out;
    }
}
