package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Texts.list;
import static io.github.sagemakerfake.assertions.Texts.quote;

import io.github.sagemakerfake.control.WorkteamSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkteamResponse;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/**
 * Assertions on one work team: a {@link WorkteamSnapshot} from the fake's state, or the SDK's
 * {@link Workteam} as {@code DescribeWorkteam}, {@code UpdateWorkteam} or {@code ListWorkteams}
 * returned it. Both are read through the same wire form, so the vocabulary is the same.
 *
 * <pre>{@code
 * assertThat(fake).hasWorkteam("labelers")
 *         .hasDescription("Image labelers")
 *         .usesCognitoUserPool("us-east-1_abc123")
 *         .hasMemberGroupsExactly("labelers", "reviewers")
 *         .hasTag("team", "vision");
 * }</pre>
 *
 * <p>Tags are not part of a work team in the SDK's model; tag assertions need a snapshot (the
 * fake's state) and say so when given an SDK {@code Workteam}.
 */
public class WorkteamAssert extends AbstractFakeAssert<WorkteamAssert, WorkteamSnapshot> {

    private final boolean tagsKnown;

    public WorkteamAssert(WorkteamSnapshot actual) {
        super(actual, WorkteamAssert.class);
        this.tagsKnown = true;
    }

    /** Over the SDK's model object; it carries no tags. */
    public WorkteamAssert(Workteam actual) {
        super(SdkWireForm.workteam(actual), WorkteamAssert.class);
        this.tagsKnown = false;
    }

    public static WorkteamAssert assertThat(WorkteamSnapshot actual) {
        return new WorkteamAssert(actual);
    }

    public static WorkteamAssert assertThat(Workteam actual) {
        return new WorkteamAssert(actual);
    }

    public static WorkteamAssert assertThat(DescribeWorkteamResponse actual) {
        return new WorkteamAssert(actual == null ? null : actual.workteam());
    }

    // ------------------------------------------------------------------ identity

    /**
     * Verifies the work team's name.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert hasName(String expected) {
        isNotNull();
        if (!Objects.equals(actual.name(), expected)) {
            failComparing(actual.name(), expected, "Expecting work team to be named:%n  %s%nbut was:%n  %s",
                    quote(expected), quote(actual.name()));
        }
        return myself;
    }

    /**
     * Verifies the work team's ARN.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert hasArn(String expected) {
        isNotNull();
        if (!Objects.equals(actual.arn(), expected)) {
            failComparing(actual.arn(), expected, "Expecting %s to have ARN:%n  %s%nbut was:%n  %s",
                    team(), quote(expected), quote(actual.arn()));
        }
        return myself;
    }

    /**
     * Verifies the team's workforce, by ARN ({@code arn:aws:sagemaker:...:workforce/default}) or by
     * name ({@code default}); a work team names its workforce only by ARN.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert belongsToWorkforce(String workforceArnOrName) {
        isNotNull();
        String arn = actual.workforceArn();
        boolean matches = workforceArnOrName != null && arn != null
                && (workforceArnOrName.startsWith("arn:") ? arn.equals(workforceArnOrName)
                        : arn.endsWith(":workforce/" + workforceArnOrName));
        if (!matches) {
            fail("Expecting %s to belong to workforce:%n  %s%nbut its WorkforceArn is:%n  %s", team(),
                    quote(workforceArnOrName), quote(arn));
        }
        return myself;
    }

    /**
     * The worker portal host, without scheme, e.g. {@code abcd123456.labeling.us-east-1.sagemaker.aws}.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert hasSubDomain(String expected) {
        isNotNull();
        if (!Objects.equals(actual.subDomain(), expected)) {
            failComparing(actual.subDomain(), expected, "Expecting %s to have SubDomain:%n  %s%nbut was:%n  %s",
                    team(), quote(expected), quote(actual.subDomain()));
        }
        return myself;
    }

    // ------------------------------------------------------------------ description

    /**
     * Verifies the work team's description, exactly.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert hasDescription(String expected) {
        isNotNull();
        if (!Objects.equals(actual.description(), expected)) {
            failComparing(actual.description(), expected, "Expecting %s to have description:%n  %s%nbut was:%n  %s",
                    team(), quote(expected), quote(actual.description()));
        }
        return myself;
    }

    /**
     * Verifies that the work team's description contains this text.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert hasDescriptionContaining(String expected) {
        isNotNull();
        String description = actual.description();
        if (description == null || expected == null || !description.contains(expected)) {
            fail("Expecting %s to have a description containing:%n  %s%nbut was:%n  %s", team(), quote(expected),
                    quote(description));
        }
        return myself;
    }

    // ------------------------------------------------------------------ members

    /**
     * Verifies the team's member groups, in order: the Cognito user groups of its
     * {@code CognitoMemberDefinition}s, or the groups of its {@code OidcMemberDefinition}s.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert hasMemberGroupsExactly(String... expected) {
        isNotNull();
        List<String> groups = actual.memberGroups();
        if (!groups.equals(Arrays.asList(expected))) {
            fail("Expecting %s to have exactly these member groups, in this order:%n  %s%nbut it has %s:%n  %s%s",
                    team(), list(Arrays.asList(expected)), groupKind(), list(groups), difference(groups, expected));
        }
        return myself;
    }

    /**
     * Like {@link #hasMemberGroupsExactly} in any order.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert hasMemberGroupsExactlyInAnyOrder(String... expected) {
        isNotNull();
        List<String> groups = actual.memberGroups();
        List<String> sortedGroups = new ArrayList<>(groups);
        List<String> sortedExpected = new ArrayList<>(Arrays.asList(expected));
        sortedGroups.sort(null);
        sortedExpected.sort(null);
        if (!sortedGroups.equals(sortedExpected)) {
            fail("Expecting %s to have exactly these member groups, in any order:%n  %s%nbut it has %s:%n  %s%s",
                    team(), list(Arrays.asList(expected)), groupKind(), list(groups), difference(groups, expected));
        }
        return myself;
    }

    /**
     * Verifies the team has at least these member groups (Cognito user groups or OIDC groups).
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert hasMemberGroupsContaining(String... expected) {
        isNotNull();
        List<String> groups = actual.memberGroups();
        List<String> missing = new ArrayList<>(Arrays.asList(expected));
        missing.removeAll(groups);
        if (!missing.isEmpty()) {
            StringBuilder hints = new StringBuilder();
            missing.forEach(m -> hints.append(NearMatches.hint(m, groups)));
            fail("Expecting %s to have member groups including:%n  %s%nbut it has %s:%n  %s%nmissing:%n  %s%s", team(),
                    list(Arrays.asList(expected)), groupKind(), list(groups), list(missing), hints);
        }
        return myself;
    }

    /**
     * Verifies the team's members are Cognito user groups ({@code CognitoMemberDefinition}).
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert usesCognito() {
        isNotNull();
        if (actual.cognitoUserGroups().isEmpty()) {
            fail("Expecting %s to have Cognito members (CognitoMemberDefinition), but it has %s", team(), members());
        }
        return myself;
    }

    /**
     * Verifies every {@code CognitoMemberDefinition} of the team names this user pool.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert usesCognitoUserPool(String userPool) {
        isNotNull();
        List<String> pools = cognitoValues("UserPool");
        if (pools.isEmpty()) {
            fail("Expecting %s to use Cognito user pool %s, but it has %s", team(), quote(userPool), members());
        }
        if (!pools.stream().allMatch(p -> Objects.equals(p, userPool))) {
            fail("Expecting %s to use Cognito user pool:%n  %s%nbut its members use:%n  %s", team(), quote(userPool),
                    list(pools.stream().distinct().toList()));
        }
        return myself;
    }

    /**
     * Verifies the team's members are OIDC groups ({@code OidcMemberDefinition}).
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert usesOidc() {
        isNotNull();
        boolean oidc = !actual.memberDefinitions().isEmpty()
                && actual.memberDefinitions().stream().allMatch(m -> m.get("OidcMemberDefinition") != null);
        if (!oidc) {
            fail("Expecting %s to have OIDC members (OidcMemberDefinition), but it has %s", team(), members());
        }
        return myself;
    }

    // ------------------------------------------------------------------ configuration

    /**
     * Verifies the work team's notification topic ARN.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert hasNotificationTopic(String topicArn) {
        isNotNull();
        String topic = actual.notificationTopicArn().orElse(null);
        if (topic == null) {
            fail("Expecting %s to notify SNS topic:%n  %s%nbut it has no notification topic", team(), quote(topicArn));
        }
        if (!topic.equals(topicArn)) {
            failComparing(topic, topicArn, "Expecting %s to notify SNS topic:%n  %s%nbut it notifies:%n  %s", team(),
                    quote(topicArn), quote(topic));
        }
        return myself;
    }

    /**
     * Verifies that the work team has no notification topic.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert hasNoNotificationTopic() {
        isNotNull();
        actual.notificationTopicArn().ifPresent(topic ->
                fail("Expecting %s to have no notification topic, but it notifies:%n  %s", team(), quote(topic)));
        return myself;
    }

    /**
     * Verifies {@code WorkerAccessConfiguration.S3Presign.IamPolicyConstraints.SourceIp}:
     * {@code "Enabled"} or {@code "Disabled"}.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert hasWorkerAccessSourceIp(String enabledOrDisabled) {
        return hasIamPolicyConstraint("SourceIp", enabledOrDisabled);
    }

    /**
     * Verifies {@code WorkerAccessConfiguration.S3Presign.IamPolicyConstraints.VpcSourceIp}.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert hasWorkerAccessVpcSourceIp(String enabledOrDisabled) {
        return hasIamPolicyConstraint("VpcSourceIp", enabledOrDisabled);
    }

    private WorkteamAssert hasIamPolicyConstraint(String member, String expected) {
        isNotNull();
        Map<String, Object> config = actual.workerAccessConfiguration();
        Object value = config.get("S3Presign") instanceof Map<?, ?> presign
                && presign.get("IamPolicyConstraints") instanceof Map<?, ?> constraints ? constraints.get(member) : null;
        if (!Objects.equals(value, expected)) {
            String was = config.isEmpty() ? "it has no WorkerAccessConfiguration"
                    : value == null ? "it does not set it; its WorkerAccessConfiguration is " + Texts.json(config)
                    : "it was " + quote(value);
            fail("Expecting %s to have S3Presign IamPolicyConstraints %s %s, but %s", team(), member, quote(expected),
                    was);
        }
        return myself;
    }

    // ------------------------------------------------------------------ tags

    /**
     * Verifies that the work team has this tag with this value.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert hasTag(String key, String value) {
        isNotNull();
        requireTags("to have tag " + quote(key) + "=" + quote(value));
        Map<String, String> tags = actual.tags();
        if (!tags.containsKey(key)) {
            fail("Expecting %s to have tag %s=%s, but it has no tag %s; its tags are:%n  %s%s", team(), quote(key),
                    quote(value), quote(key), Texts.map(tags), NearMatches.hint(key, tags.keySet()));
        }
        if (!Objects.equals(tags.get(key), value)) {
            failComparing(tags.get(key), value, "Expecting %s to have tag %s=%s, but its value was %s", team(),
                    quote(key), quote(value), quote(tags.get(key)));
        }
        return myself;
    }

    /**
     * Verifies the team has all these tags (and perhaps others).
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert hasTags(Map<String, String> expected) {
        isNotNull();
        requireTags("to have tags " + Texts.map(expected));
        Map<String, String> tags = actual.tags();
        Map<String, String> wrong = new LinkedHashMap<>();
        expected.forEach((k, v) -> {
            if (!Objects.equals(tags.get(k), v) || !tags.containsKey(k)) {
                wrong.put(k, v);
            }
        });
        if (!wrong.isEmpty()) {
            fail("Expecting %s to have tags:%n  %s%nbut its tags are:%n  %s%nnot found:%n  %s", team(),
                    Texts.map(expected), Texts.map(tags), Texts.map(wrong));
        }
        return myself;
    }

    /**
     * Verifies that the work team has no tags.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert hasNoTags() {
        isNotNull();
        requireTags("to have no tags");
        if (!actual.tags().isEmpty()) {
            fail("Expecting %s to have no tags, but it has:%n  %s", team(), Texts.map(actual.tags()));
        }
        return myself;
    }

    private void requireTags(String expectation) {
        if (!tagsKnown) {
            fail("Expecting %s %s, but a Workteam from the SDK carries no tags.%nAssert on the fake's state instead: "
                    + "assertThat(fake).hasWorkteam(%s).hasTag(...)", team(), expectation, quote(actual.name()));
        }
    }

    // ------------------------------------------------------------------ helpers

    private String team() {
        return "work team " + quote(actual.name());
    }

    private String groupKind() {
        return actual.cognitoUserGroups().isEmpty() && !actual.oidcGroups().isEmpty() ? "OIDC groups"
                : "Cognito user groups";
    }

    @SuppressWarnings("unchecked")
    private List<String> cognitoValues(String member) {
        List<String> values = new ArrayList<>();
        for (Map<String, Object> definition : actual.memberDefinitions()) {
            if (definition.get("CognitoMemberDefinition") instanceof Map<?, ?> cognito) {
                values.add((String) ((Map<String, Object>) cognito).get(member));
            }
        }
        return values;
    }

    /** "Cognito user groups ["a"] of user pool "p"", "OIDC groups ["g"]" or "no member definitions". */
    private String members() {
        List<String> cognito = actual.cognitoUserGroups();
        List<String> oidc = actual.oidcGroups();
        List<String> parts = new ArrayList<>();
        if (!cognito.isEmpty()) {
            List<String> pools = cognitoValues("UserPool").stream().distinct().toList();
            parts.add("Cognito user groups " + list(cognito) + " of user pool"
                    + (pools.size() == 1 ? " " + quote(pools.get(0)) : "s " + list(pools)));
        }
        if (!oidc.isEmpty()) {
            parts.add("OIDC groups " + list(oidc));
        }
        return parts.isEmpty() ? "no member groups: " + Texts.json(actual.memberDefinitions()) : String.join(" and ", parts);
    }

    private static String difference(List<String> actualGroups, String... expected) {
        List<String> missing = new ArrayList<>(Arrays.asList(expected));
        missing.removeAll(actualGroups);
        List<String> unexpected = new ArrayList<>(actualGroups);
        unexpected.removeAll(Arrays.asList(expected));
        StringBuilder sb = new StringBuilder();
        if (!missing.isEmpty()) {
            sb.append(String.format("%nmissing:%n  %s", list(missing)));
        }
        if (!unexpected.isEmpty()) {
            sb.append(String.format("%nunexpected:%n  %s", list(unexpected)));
        }
        if (missing.isEmpty() && unexpected.isEmpty()) {
            sb.append(String.format("%n(same groups, other order)"));
        }
        return sb.toString();
    }


}
