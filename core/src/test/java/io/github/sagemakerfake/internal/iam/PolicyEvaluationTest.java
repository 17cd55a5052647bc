package io.github.sagemakerfake.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.internal.iam.Policy.Decision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evaluation rules of docs/iam.md, one row per documented example (the IAM User Guide's pages
 * on evaluation logic, Action, Resource, NotAction, NotResource, condition operators, multivalued
 * keys and policy variables).
 */
class PolicyEvaluationTest {

    static final String TEAM = "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/my-team";

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluates(String rule, String statements, AuthRequest request, Decision expected) {
        Policy policy = Policy.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", "test");
        assertThat(policy.evaluate(request)).as(rule).isEqualTo(expected);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // Evaluation logic
                row("no statement applies: implicit deny", allow("sagemaker:DescribeWorkteam", "*"),
                        req("sagemaker:DeleteWorkteam", TEAM), Decision.IMPLICIT_DENY),
                row("an explicit deny overrides any allow",
                        allow("sagemaker:*", "*") + "," + deny("sagemaker:DeleteWorkteam", TEAM),
                        req("sagemaker:DeleteWorkteam", TEAM), Decision.EXPLICIT_DENY),
                row("an Allow whose condition fails is not applicable: implicit, not explicit deny",
                        allowIf("sagemaker:CreateWorkteam", "*", "{\"StringEquals\":{\"aws:RequestTag/team\":\"a\"}}"),
                        req("sagemaker:CreateWorkteam", TEAM, "aws:requesttag/team", "b"), Decision.IMPLICIT_DENY),
                row("a Deny whose condition fails does not deny",
                        allow("sagemaker:*", "*") + "," + denyIf("sagemaker:*", "*",
                                "{\"StringEquals\":{\"aws:RequestTag/team\":\"a\"}}"),
                        req("sagemaker:CreateWorkteam", TEAM, "aws:requesttag/team", "b"), Decision.ALLOW),
                // Action
                row("action names ignore case (IAM:listaccesskeys = iam:ListAccessKeys)",
                        allow("IAM:listaccesskeys", "*"), req("iam:ListAccessKeys", "*"), Decision.ALLOW),
                row("* inside an action name", allow("sagemaker:*Workteam*", "*"),
                        req("sagemaker:DescribeWorkteam", TEAM), Decision.ALLOW),
                row("* inside an action name matches only what it spells", allow("sagemaker:*Workteam*", "*"),
                        req("sagemaker:DescribeWorkforce", "*"), Decision.IMPLICIT_DENY),
                row("? is one character", allow("sagemaker:?istWorkteams", "*"),
                        req("sagemaker:ListWorkteams", "*"), Decision.ALLOW),
                row("the action * is every action of every service", allow("*", "*"),
                        req("iam:PassRole", "arn:aws:iam::123456789012:role/r"), Decision.ALLOW),
                // NotAction
                row("NotAction with Allow allows every other action, of every service",
                        "{\"Effect\":\"Allow\",\"NotAction\":\"sagemaker:Delete*\",\"Resource\":\"*\"}",
                        req("iam:PassRole", "arn:aws:iam::123456789012:role/r"), Decision.ALLOW),
                row("NotAction with Allow does not allow what it lists",
                        "{\"Effect\":\"Allow\",\"NotAction\":\"sagemaker:Delete*\",\"Resource\":\"*\"}",
                        req("sagemaker:DeleteWorkteam", TEAM), Decision.IMPLICIT_DENY),
                row("NotAction with Deny denies everything not listed",
                        allow("*", "*") + ",{\"Effect\":\"Deny\",\"NotAction\":\"sagemaker:Describe*\",\"Resource\":\"*\"}",
                        req("sagemaker:CreateWorkteam", TEAM), Decision.EXPLICIT_DENY),
                // Resource
                row("the SAR's template (workteam/<name>) misses the real private-crowd/ ARN",
                        allow("sagemaker:DescribeWorkteam", "arn:aws:sagemaker:us-east-1:123456789012:workteam/my-team"),
                        req("sagemaker:DescribeWorkteam", TEAM), Decision.IMPLICIT_DENY),
                row("* in the resource segment spans /",
                        allow("sagemaker:DescribeWorkteam", "arn:aws:sagemaker:us-east-1:123456789012:workteam/*"),
                        req("sagemaker:DescribeWorkteam", TEAM), Decision.ALLOW),
                row("each ARN segment may be a wildcard", allow("sagemaker:DescribeWorkteam",
                                "arn:aws:sagemaker:*:*:workteam/private-crowd/my-te?m"),
                        req("sagemaker:DescribeWorkteam", TEAM), Decision.ALLOW),
                row("ARN matching is case-sensitive", allow("sagemaker:DescribeWorkteam",
                                "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/My-Team"),
                        req("sagemaker:DescribeWorkteam", TEAM), Decision.IMPLICIT_DENY),
                row("a dot in an ARN is a dot, not a regex wildcard", allow("sagemaker:DescribeWorkteam",
                                "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/my.team"),
                        req("sagemaker:DescribeWorkteam", TEAM), Decision.IMPLICIT_DENY),
                row("a wildcard stays within its segment: a region pattern does not swallow the account",
                        allow("sagemaker:DescribeWorkteam", "arn:aws:sagemaker:us-*:workteam/private-crowd/my-team"
                                .replace("us-*:", "us-*:*:")),
                        req("sagemaker:DescribeWorkteam", TEAM), Decision.ALLOW),
                row("an action without a resource type is granted by Resource * only",
                        allow("sagemaker:ListWorkteams", "arn:aws:sagemaker:*:*:*"),
                        req("sagemaker:ListWorkteams", "*"), Decision.IMPLICIT_DENY),
                row("Resource * grants an action without a resource type", allow("sagemaker:ListWorkteams", "*"),
                        req("sagemaker:ListWorkteams", "*"), Decision.ALLOW),
                // NotResource
                row("NotResource matches every resource but the listed",
                        "{\"Effect\":\"Allow\",\"Action\":\"sagemaker:DescribeWorkteam\",\"NotResource\":"
                                + "\"arn:aws:sagemaker:*:*:workteam/private-crowd/secret\"}",
                        req("sagemaker:DescribeWorkteam", TEAM), Decision.ALLOW),
                row("NotResource does not match the listed",
                        "{\"Effect\":\"Allow\",\"Action\":\"sagemaker:DescribeWorkteam\",\"NotResource\":"
                                + "\"arn:aws:sagemaker:*:*:workteam/private-crowd/*\"}",
                        req("sagemaker:DescribeWorkteam", TEAM), Decision.IMPLICIT_DENY),
                // Conditions: missing keys
                row("a missing key makes a condition false",
                        allowIf("sagemaker:CreateWorkteam", "*", "{\"StringEquals\":{\"aws:RequestTag/team\":\"a\"}}"),
                        req("sagemaker:CreateWorkteam", TEAM), Decision.IMPLICIT_DENY),
                row("a missing key makes a negated operator true",
                        allowIf("sagemaker:CreateWorkteam", "*", "{\"StringNotEquals\":{\"aws:RequestTag/team\":\"a\"}}"),
                        req("sagemaker:CreateWorkteam", TEAM), Decision.ALLOW),
                row("...IfExists is true when the key is missing",
                        allowIf("sagemaker:CreateFlowDefinition", "*",
                                "{\"StringEqualsIfExists\":{\"sagemaker:WorkteamType\":[\"private-crowd\",\"vendor-crowd\"]}}"),
                        req("sagemaker:CreateFlowDefinition", "*"), Decision.ALLOW),
                row("...IfExists still tests a present key",
                        allowIf("sagemaker:CreateFlowDefinition", "*",
                                "{\"StringEqualsIfExists\":{\"sagemaker:WorkteamType\":[\"private-crowd\",\"vendor-crowd\"]}}"),
                        req("sagemaker:CreateFlowDefinition", "*", "sagemaker:workteamtype", "public-crowd"),
                        Decision.IMPLICIT_DENY),
                row("Null true: the key is absent", denyIf("sagemaker:CreateWorkteam", "*",
                                "{\"Null\":{\"aws:RequestTag/team\":\"true\"}}") + "," + allow("*", "*"),
                        req("sagemaker:CreateWorkteam", TEAM), Decision.EXPLICIT_DENY),
                row("Null true is false when the key is present", denyIf("sagemaker:CreateWorkteam", "*",
                                "{\"Null\":{\"aws:RequestTag/team\":\"true\"}}") + "," + allow("*", "*"),
                        req("sagemaker:CreateWorkteam", TEAM, "aws:requesttag/team", "a"), Decision.ALLOW),
                // Conditions: values and keys
                row("several values of one key are OR-ed", allowIf("sagemaker:CreateWorkteam", "*",
                                "{\"StringEquals\":{\"aws:RequestTag/team\":[\"a\",\"b\"]}}"),
                        req("sagemaker:CreateWorkteam", TEAM, "aws:requesttag/team", "b"), Decision.ALLOW),
                row("several keys are AND-ed", allowIf("sagemaker:CreateWorkteam", "*",
                                "{\"StringEquals\":{\"aws:RequestTag/team\":\"a\",\"aws:RequestTag/cost\":\"1\"}}"),
                        req("sagemaker:CreateWorkteam", TEAM, "aws:requesttag/team", "a"), Decision.IMPLICIT_DENY),
                row("a negated operator's values: the request matches none of them", allowIf("sagemaker:CreateWorkteam", "*",
                                "{\"StringNotEquals\":{\"aws:RequestTag/team\":[\"a\",\"b\"]}}"),
                        req("sagemaker:CreateWorkteam", TEAM, "aws:requesttag/team", "a"), Decision.IMPLICIT_DENY),
                row("condition key names ignore case", allowIf("sagemaker:CreateWorkteam", "*",
                                "{\"StringEquals\":{\"AWS:requesttag/Team\":\"a\"}}"),
                        req("sagemaker:CreateWorkteam", TEAM, "aws:requesttag/team", "a"), Decision.ALLOW),
                row("StringEquals compares values case-sensitively", allowIf("sagemaker:CreateWorkteam", "*",
                                "{\"StringEquals\":{\"aws:RequestTag/team\":\"A\"}}"),
                        req("sagemaker:CreateWorkteam", TEAM, "aws:requesttag/team", "a"), Decision.IMPLICIT_DENY),
                row("StringEqualsIgnoreCase does not", allowIf("sagemaker:CreateWorkteam", "*",
                                "{\"StringEqualsIgnoreCase\":{\"aws:RequestTag/team\":\"A\"}}"),
                        req("sagemaker:CreateWorkteam", TEAM, "aws:requesttag/team", "a"), Decision.ALLOW),
                row("StringEquals takes * literally", allowIf("sagemaker:CreateWorkteam", "*",
                                "{\"StringEquals\":{\"aws:RequestTag/team\":\"*\"}}"),
                        req("sagemaker:CreateWorkteam", TEAM, "aws:requesttag/team", "a"), Decision.IMPLICIT_DENY),
                row("StringLike takes * and ? anywhere", allowIf("sagemaker:CreateWorkteam", "*",
                                "{\"StringLike\":{\"aws:RequestTag/team\":\"lab?l*\"}}"),
                        req("sagemaker:CreateWorkteam", TEAM, "aws:requesttag/team", "labelers-eu"), Decision.ALLOW),
                row("ArnLike on sagemaker:WorkteamArn", allowIf("sagemaker:CreateLabelingJob", "*",
                                "{\"ArnLike\":{\"sagemaker:WorkteamArn\":\"arn:aws:sagemaker:*:*:workteam/private-crowd/*\"}}"),
                        req("sagemaker:CreateLabelingJob", "*", "sagemaker:workteamarn", TEAM), Decision.ALLOW),
                row("ArnLike matches component by component where StringLike matches the whole string",
                        allowIf("sagemaker:CreateLabelingJob", "*", "{\"ArnLike\":{\"sagemaker:WorkteamArn\":\"arn:aws:*\"}}"),
                        req("sagemaker:CreateLabelingJob", "*", "sagemaker:workteamarn", TEAM), Decision.IMPLICIT_DENY),
                row("...and StringLike with the same pattern matches", allowIf("sagemaker:CreateLabelingJob", "*",
                                "{\"StringLike\":{\"sagemaker:WorkteamArn\":\"arn:aws:*\"}}"),
                        req("sagemaker:CreateLabelingJob", "*", "sagemaker:workteamarn", TEAM), Decision.ALLOW),
                row("Bool", allowIf("sagemaker:ListWorkteams", "*", "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}"),
                        req("sagemaker:ListWorkteams", "*", "aws:securetransport", "true"), Decision.ALLOW),
                row("NumericLessThan", allowIf("sagemaker:ListWorkteams", "*",
                                "{\"NumericLessThan\":{\"aws:EpochTime\":\"1800000000\"}}"),
                        req("sagemaker:ListWorkteams", "*", "aws:epochtime", "1700000000"), Decision.ALLOW),
                row("DateGreaterThan", allowIf("sagemaker:ListWorkteams", "*",
                                "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}}"),
                        req("sagemaker:ListWorkteams", "*", "aws:currenttime", "2026-12-07T18:00:00Z"),
                        Decision.IMPLICIT_DENY),
                // Multivalued keys
                row("ForAllValues is true when the request has no tags at all", allowIf("sagemaker:CreateWorkteam", "*",
                                "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\",\"cost\"]}}"),
                        req("sagemaker:CreateWorkteam", TEAM), Decision.ALLOW),
                row("ForAllValues: every request value must be listed", allowIf("sagemaker:CreateWorkteam", "*",
                                "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\",\"cost\"]}}"),
                        reqMulti("sagemaker:CreateWorkteam", TEAM, "aws:tagkeys", "team", "owner"), Decision.IMPLICIT_DENY),
                row("ForAllValues: a subset passes", allowIf("sagemaker:CreateWorkteam", "*",
                                "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\",\"cost\"]}}"),
                        reqMulti("sagemaker:CreateWorkteam", TEAM, "aws:tagkeys", "team"), Decision.ALLOW),
                row("ForAnyValue is false when the key is missing", allowIf("sagemaker:CreateWorkteam", "*",
                                "{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}"),
                        req("sagemaker:CreateWorkteam", TEAM), Decision.IMPLICIT_DENY),
                row("ForAnyValue: one listed value is enough", allowIf("sagemaker:CreateWorkteam", "*",
                                "{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}"),
                        reqMulti("sagemaker:CreateWorkteam", TEAM, "aws:tagkeys", "owner", "team"), Decision.ALLOW),
                // Policy variables
                row("a policy variable in a Resource", allow("sagemaker:DescribeWorkteam",
                                "arn:aws:sagemaker:*:*:workteam/private-crowd/${aws:username}-*"),
                        req("sagemaker:DescribeWorkteam", "arn:aws:sagemaker:us-east-1:1:workteam/private-crowd/alice-team"
                                .replace(":1:", ":123456789012:"), "aws:username", "alice"), Decision.ALLOW),
                row("a variable without a value matches nothing", allow("sagemaker:DescribeWorkteam",
                                "arn:aws:sagemaker:*:*:workteam/private-crowd/${aws:PrincipalTag/team}"),
                        req("sagemaker:DescribeWorkteam", TEAM), Decision.IMPLICIT_DENY),
                row("a variable's default value", allow("sagemaker:DescribeWorkteam",
                                "arn:aws:sagemaker:*:*:workteam/private-crowd/${aws:PrincipalTag/team, 'my-team'}"),
                        req("sagemaker:DescribeWorkteam", TEAM), Decision.ALLOW),
                row("${*} is a literal *", allowIf("sagemaker:CreateWorkteam", "*",
                                "{\"StringLike\":{\"aws:RequestTag/team\":\"a${*}\"}}"),
                        req("sagemaker:CreateWorkteam", TEAM, "aws:requesttag/team", "ab"), Decision.IMPLICIT_DENY));
    }

    @ParameterizedTest(name = "version {0}")
    @MethodSource("versions")
    void variablesExistOnlyInVersion2012(String version, Decision expected) {
        Policy policy = Policy.parse("{\"Version\":\"" + version + "\",\"Statement\":" + allow("sagemaker:DescribeWorkteam",
                "arn:aws:sagemaker:*:*:workteam/private-crowd/${aws:username}") + "}", "test");
        assertThat(policy.evaluate(req("sagemaker:DescribeWorkteam",
                "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/alice", "aws:username", "alice")))
                .isEqualTo(expected);
    }

    static Stream<Arguments> versions() {
        return Stream.of(Arguments.of("2012-10-17", Decision.ALLOW), Arguments.of("2008-10-17", Decision.IMPLICIT_DENY));
    }

    static Arguments row(String rule, String statements, AuthRequest request, Decision expected) {
        return Arguments.of(rule, statements, request, expected);
    }

    static String allow(String action, String resource) {
        return "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    static String deny(String action, String resource) {
        return "{\"Effect\":\"Deny\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    static String allowIf(String action, String resource, String condition) {
        return "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\",\"Condition\":"
                + condition + "}";
    }

    static String denyIf(String action, String resource, String condition) {
        return "{\"Effect\":\"Deny\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\",\"Condition\":"
                + condition + "}";
    }

    static AuthRequest req(String action, String resource, String... keyValues) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            keys.put(keyValues[i], List.of(keyValues[i + 1]));
        }
        return new AuthRequest(action, resource, keys);
    }

    static AuthRequest reqMulti(String action, String resource, String key, String... values) {
        return new AuthRequest(action, resource, Map.of(key, List.of(values)));
    }
}
