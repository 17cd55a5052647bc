package io.github.sagemakerfake.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A policy that cannot be read, or that the SDK's reader would silently misread, is refused with its place and reason. */
class PolicyParsingTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses(String what, String policy, String place, String reason) {
        assertThatThrownBy(() -> Policy.parse(policy, "team-policy.json"))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("IAM policy from team-policy.json refused at " + place + ": ")
                .hasMessageContaining(reason);
    }

    static Stream<Arguments> refusals() {
        String ok = "\"Effect\":\"Allow\",\"Action\":\"sagemaker:ListWorkteams\",\"Resource\":\"*\"";
        return Stream.of(
                Arguments.of("not JSON", "{\"Version\":", "$", "not valid JSON"),
                Arguments.of("not an object", "[]", "$", "a policy is a JSON object"),
                Arguments.of("duplicate member", "{\"Statement\":{" + ok + "},\"Statement\":{" + ok + "}}", "$",
                        "not valid JSON"),
                Arguments.of("unknown top-level member", "{\"Statment\":[]}", "$.Statment", "unknown member"),
                Arguments.of("no statement", "{\"Version\":\"2012-10-17\"}", "$.Statement", "missing"),
                Arguments.of("bad version", "{\"Version\":\"2012-10-18\",\"Statement\":{" + ok + "}}", "$.Version",
                        "is not a policy language version"),
                Arguments.of("typo in a statement member (the SDK would ignore it)",
                        "{\"Statement\":[{" + ok + "},{\"Effect\":\"Allow\",\"Action\":\"sagemaker:*\",\"Resources\":\"*\"}]}",
                        "$.Statement[1].Resources", "unknown member"),
                Arguments.of("effect in lower case", "{\"Statement\":{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"}}",
                        "$.Statement.Effect", "neither \"Allow\" nor \"Deny\""),
                Arguments.of("a principal", "{\"Statement\":{" + ok + ",\"Principal\":\"*\"}}", "$.Statement.Principal",
                        "an identity-based policy names no principal"),
                Arguments.of("no action", "{\"Statement\":{\"Sid\":\"Teams\",\"Effect\":\"Allow\",\"Resource\":\"*\"}}",
                        "$.Statement (Sid \"Teams\")", "has neither Action nor NotAction"),
                Arguments.of("both Resource and NotResource",
                        "{\"Statement\":{" + ok + ",\"NotResource\":\"*\"}}", "$.Statement", "has both Resource and NotResource"),
                Arguments.of("an action without its service", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":"
                        + "\"CreateWorkteam\",\"Resource\":\"*\"}}", "$.Statement.Action", "is not an action"),
                Arguments.of("a resource that is no ARN", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sagemaker:*\","
                        + "\"Resource\":\"workteam/*\"}}", "$.Statement.Resource", "neither \"*\" nor an ARN"),
                Arguments.of("an empty action list", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}}",
                        "$.Statement.Action", "a string or a non-empty array"),
                Arguments.of("an unknown condition operator", "{\"Statement\":[{" + ok + ",\"Condition\":{\"StringEqualz\":"
                                + "{\"aws:TagKeys\":\"team\"}}}]}", "$.Statement[0].Condition.StringEqualz[\"aws:TagKeys\"]",
                        "\"StringEqualz\" is not an IAM condition operator"),
                Arguments.of("an unknown set qualifier", "{\"Statement\":[{" + ok + ",\"Condition\":{\"ForEveryValue:StringEquals\":"
                                + "{\"aws:TagKeys\":\"team\"}}}]}", "$.Statement[0].Condition.ForEveryValue:StringEquals[\"aws:TagKeys\"]",
                        "is not an IAM condition operator"),
                Arguments.of("NullIfExists", "{\"Statement\":{" + ok + ",\"Condition\":{\"NullIfExists\":"
                        + "{\"aws:TagKeys\":\"true\"}}}}", "$.Statement.Condition.NullIfExists[\"aws:TagKeys\"]", "Null already tests"),
                Arguments.of("an empty list of values", "{\"Statement\":{" + ok + ",\"Condition\":{\"StringEquals\":"
                        + "{\"aws:TagKeys\":[]}}}}", "$.Statement.Condition.StringEquals[\"aws:TagKeys\"]", "needs a value"),
                Arguments.of("a number operator with a word", "{\"Statement\":{" + ok + ",\"Condition\":{\"NumericLessThan\":"
                        + "{\"aws:EpochTime\":\"soon\"}}}}", "$.Statement.Condition.NumericLessThan[\"aws:EpochTime\"]",
                        "takes numbers"),
                Arguments.of("an unterminated variable", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                        + "\"Action\":\"sagemaker:*\",\"Resource\":\"arn:aws:sagemaker:*:*:workteam/${aws:username\"}}",
                        "$.Statement.Resource", "has no closing '}'"));
    }

    @Test
    void booleanAndNumberConditionValuesAreKeptNotDropped() {
        // The SDK's reader skips values that are neither strings nor arrays; the fake writes them as strings first.
        Policy policy = Policy.parse("{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":false}}}}", "test");
        AuthRequest insecure = new AuthRequest("sagemaker:ListWorkteams", "*",
                Map.of("aws:securetransport", java.util.List.of("false")));
        assertThat(policy.evaluate(insecure)).isEqualTo(Policy.Decision.EXPLICIT_DENY);
        AuthRequest secure = new AuthRequest("sagemaker:ListWorkteams", "*",
                Map.of("aws:securetransport", java.util.List.of("true")));
        assertThat(policy.evaluate(secure)).isEqualTo(Policy.Decision.IMPLICIT_DENY);
    }

    @Test
    void aSingleStatementObjectAndStringValuesAreAccepted() {
        Policy policy = Policy.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"sagemaker:ListWorkteams\",\"Resource\":\"*\"}}", "test");
        assertThat(policy.evaluate(new AuthRequest("sagemaker:ListWorkteams", "*", Map.of())))
                .isEqualTo(Policy.Decision.ALLOW);
    }
}
