package io.github.sagemakerfake.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.internal.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequiredPoliciesTest {

    static final String A = "123456789012";
    static final String R = "us-east-1";
    static final String TEAM = "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/labelers";
    static final String ROLE = "arn:aws:iam::123456789012:role/labeling";

    static final List<RequiredPolicies.Call> CALLS = List.of(
            call("CreateWorkteam", Map.of("WorkteamName", "labelers", "Tags", List.of(Map.of("Key", "team", "Value", "a")),
                    "MemberDefinitions", List.of(Map.of("CognitoMemberDefinition", Map.of("UserPool", "us-east-1_abc",
                            "ClientId", "c", "UserGroup", "g"))))),
            call("DescribeWorkteam", Map.of("WorkteamName", "labelers")),
            call("ListWorkteams", Map.of()),
            call("CreateFlowDefinition", Map.of("FlowDefinitionName", "review", "RoleArn", ROLE)),
            new RequiredPolicies.Call("DeleteWorkteam", "999999999999", R, Map.of("WorkteamName", "other")));

    static RequiredPolicies.Call call(String op, Map<String, Object> request) {
        return new RequiredPolicies.Call(op, A, R, request);
    }

    @Test
    void listsExactlyThePairsTheCallsNeededInTheirAccountAndRegion() {
        assertThat(RequiredPolicies.grants(CALLS, A, R)).extracting(g -> g.action() + " " + g.resource())
                .containsExactly(
                        "cognito-idp:DescribeUserPool arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc",
                        "cognito-idp:DescribeUserPoolClient arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc",
                        "cognito-idp:UpdateUserPool arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc",
                        "cognito-idp:UpdateUserPoolClient arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc",
                        "iam:PassRole " + ROLE,
                        "sagemaker:AddTags " + TEAM,
                        "sagemaker:CreateFlowDefinition arn:aws:sagemaker:us-east-1:123456789012:flow-definition/review",
                        "sagemaker:CreateWorkteam " + TEAM,
                        "sagemaker:DescribeWorkteam " + TEAM,
                        "sagemaker:ListWorkteams *");
    }

    @Test
    void theDocumentGroupsActionsThatShareResourcesAndKeepsTheGrantConditions() {
        Map<String, Object> document = RequiredPolicies.document(RequiredPolicies.grants(CALLS, A, R));
        assertThat(Json.write(document)).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":[\"cognito-idp:DescribeUserPool\",\"cognito-idp:DescribeUserPoolClient\","
                + "\"cognito-idp:UpdateUserPool\",\"cognito-idp:UpdateUserPoolClient\"],"
                + "\"Resource\":\"arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"" + ROLE + "\","
                + "\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"sagemaker.amazonaws.com\"}}},"
                + "{\"Effect\":\"Allow\",\"Action\":\"sagemaker:AddTags\",\"Resource\":\"" + TEAM + "\","
                + "\"Condition\":{\"StringEquals\":{\"sagemaker:TaggingAction\":\"CreateWorkteam\"}}},"
                + "{\"Effect\":\"Allow\",\"Action\":\"sagemaker:CreateFlowDefinition\","
                + "\"Resource\":\"arn:aws:sagemaker:us-east-1:123456789012:flow-definition/review\"},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"sagemaker:CreateWorkteam\",\"sagemaker:DescribeWorkteam\"],"
                + "\"Resource\":\"" + TEAM + "\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"sagemaker:ListWorkteams\",\"Resource\":\"*\"}]}");
    }

    @Test
    void theDerivedPolicyAllowsEveryCallItCameFromAndNothingElse() {
        Policy policy = Policy.parse(Json.write(RequiredPolicies.document(RequiredPolicies.grants(CALLS, A, R))), "derived");
        IamEnforcement enforcement = IamEnforcement.none().withPolicyForEveryone(policy);
        IamCatalog.Caller caller = new IamCatalog.Caller(A, R, "AKID");
        for (RequiredPolicies.Call c : CALLS.subList(0, 4)) {
            assertThat(enforcement.deny(c.operation(), c.request(), caller, Instant.EPOCH, IamCatalog.ResourceTags.NONE))
                    .as(c.operation()).isNull();
        }
        assertThat(enforcement.deny("DeleteWorkteam", Map.of("WorkteamName", "labelers"), caller, Instant.EPOCH,
                IamCatalog.ResourceTags.NONE)).isEqualTo("User: arn:aws:iam::123456789012:user/AKID is not authorized to "
                + "perform: sagemaker:DeleteWorkteam on resource: " + TEAM + " because no identity-based policy allows "
                + "the sagemaker:DeleteWorkteam action");
        // The AddTags grant holds for tagging on create only: a plain AddTags call has no sagemaker:TaggingAction.
        assertThat(enforcement.deny("AddTags", Map.of("ResourceArn", TEAM, "Tags",
                List.of(Map.of("Key", "team", "Value", "b"))), caller, Instant.EPOCH, IamCatalog.ResourceTags.NONE))
                .startsWith("User: arn:aws:iam::123456789012:user/AKID is not authorized to perform: sagemaker:AddTags on "
                        + "resource: " + TEAM + " because");
    }

    @Test
    void theDenialMessagesAreAwsWords() {
        IamCatalog.Caller caller = new IamCatalog.Caller(A, R, "AKID");
        assertThat(IamEnforcement.message(caller, new AuthRequest("sagemaker:ListWorkteams", "*", Map.of()),
                Policy.Decision.IMPLICIT_DENY)).isEqualTo("User: arn:aws:iam::123456789012:user/AKID is not authorized "
                + "to perform: sagemaker:ListWorkteams because no identity-based policy allows the "
                + "sagemaker:ListWorkteams action");
        assertThat(IamEnforcement.message(caller, new AuthRequest("sagemaker:DeleteWorkteam", TEAM, Map.of()),
                Policy.Decision.EXPLICIT_DENY)).isEqualTo("User: arn:aws:iam::123456789012:user/AKID is not authorized "
                + "to perform: sagemaker:DeleteWorkteam on resource: " + TEAM
                + " with an explicit deny in an identity-based policy");
    }
}
