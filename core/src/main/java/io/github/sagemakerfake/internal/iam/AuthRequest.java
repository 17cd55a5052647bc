package io.github.sagemakerfake.internal.iam;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One authorization the fake makes: an action on a resource with its request context.
 *
 * @param action   e.g. {@code sagemaker:CreateWorkteam}, {@code iam:PassRole}
 * @param resource the ARN authorized against, or {@code *} for an action with no resource type
 * @param keys     the condition keys present, lower-cased (IAM key names are case-insensitive), each
 *                 with its values (one for a single-valued key)
 */
public record AuthRequest(String action, String resource, Map<String, List<String>> keys) {

    public AuthRequest {
        keys = Map.copyOf(keys);
    }

    /** The values of a key, or null when the request context has no such key. */
    List<String> values(String lowerCaseKey) {
        return keys.get(lowerCaseKey);
    }

    /** A policy variable's value: single-valued keys only (IAM allows no multivalued key as a variable). */
    String variable(String lowerCaseKey) {
        List<String> values = keys.get(lowerCaseKey.toLowerCase(Locale.ROOT));
        return values == null || values.size() != 1 ? null : values.get(0);
    }
}
