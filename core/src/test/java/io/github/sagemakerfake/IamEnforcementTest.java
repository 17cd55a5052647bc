package io.github.sagemakerfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.control.StateSnapshot;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/** Enforcement of a given identity policy through genuine SDK clients, sync and async (docs/iam.md). */
class IamEnforcementTest {

    static final String USER = "arn:aws:iam::123456789012:user/123456789012";
    static final String TEAMS = "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/";

    /** Teams named allowed-* may be created and read, not deleted; listing teams is allowed; nothing else. */
    static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": ["sagemaker:CreateWorkteam", "sagemaker:DescribeWorkteam",
                                               "sagemaker:DeleteWorkteam"],
                 "Resource": "arn:aws:sagemaker:*:*:workteam/private-crowd/allowed-*"},
                {"Effect": "Allow", "Action": "sagemaker:ListWorkteams", "Resource": "*"},
                {"Effect": "Allow", "Action": "cognito-idp:*", "Resource": "*"},
                {"Sid": "NeverDelete", "Effect": "Deny", "Action": "sagemaker:Delete*", "Resource": "*"}
              ]
            }""";

    final SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder().iamPolicy(POLICY).build();
    final SageMakerClient sageMaker = fake.client();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void allowedCallsWork() {
        sageMaker.createWorkteam(Requests.cognitoTeam("allowed-1"));
        assertThat(sageMaker.describeWorkteam(r -> r.workteamName("allowed-1")).workteam().workteamArn())
                .isEqualTo(TEAMS + "allowed-1");
        assertThat(sageMaker.listWorkteams(r -> { }).workteams()).hasSize(1);
    }

    @Test
    void aCallOnAResourceThePolicyDoesNotNameIsDeniedInAwsWordsAndChangesNothing() {
        StateSnapshot before = fake.snapshot();
        SageMakerException denied = catchThrowableOfType(SageMakerException.class,
                () -> sageMaker.createWorkteam(Requests.cognitoTeam("other")));
        assertThat(denied.statusCode()).isEqualTo(400);
        assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: " + USER + " is not authorized to perform: "
                + "sagemaker:CreateWorkteam on resource: " + TEAMS + "other because no identity-based policy allows "
                + "the sagemaker:CreateWorkteam action");
        assertThat(fake.snapshot().toMap()).isEqualTo(before.toMap());
        JournalEntry entry = fake.journal().get(fake.journal().size() - 1);
        assertThat(entry.operation()).isEqualTo("CreateWorkteam");
        assertThat(entry.statusCode()).isEqualTo(400);
        assertThat(entry.errorCode()).isEqualTo("AccessDeniedException");
        assertThat(fake.journal()).hasSize(1); // not retried by the SDK
    }

    @Test
    void anActionWithoutAResourceTypeIsDeniedWithoutOnResource() {
        assertThatThrownBy(() -> sageMaker.listWorkforces(r -> { }))
                .isInstanceOf(SageMakerException.class)
                .hasMessageStartingWith("User: " + USER + " is not authorized to perform: sagemaker:ListWorkforces "
                        + "because no identity-based policy allows the sagemaker:ListWorkforces action");
    }

    @Test
    void aCreateWithTagsIsRefusedForWantOfAddTags() {
        SageMakerException denied = catchThrowableOfType(SageMakerException.class,
                () -> sageMaker.createWorkteam(Requests.cognitoTeam("allowed-2").toBuilder()
                        .tags(Tag.builder().key("team").value("a").build()).build()));
        assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: " + USER + " is not authorized to "
                + "perform: sagemaker:AddTags on resource: " + TEAMS + "allowed-2 because no identity-based policy "
                + "allows the sagemaker:AddTags action");
        assertThat(fake.state().workteamNames()).isEmpty();
        assertThat(fake.state().workforce()).isEmpty(); // not even the implicit default workforce
    }

    @Test
    void anExplicitDenyWinsOverAnAllow() {
        sageMaker.createWorkteam(Requests.cognitoTeam("allowed-1"));
        SageMakerException denied = catchThrowableOfType(SageMakerException.class,
                () -> sageMaker.deleteWorkteam(r -> r.workteamName("allowed-1")));
        assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: " + USER + " is not authorized to "
                + "perform: sagemaker:DeleteWorkteam on resource: " + TEAMS + "allowed-1 with an explicit deny in an "
                + "identity-based policy");
        assertThat(fake.state().workteamNames()).containsExactly("allowed-1");
    }

    @Test
    void theAsyncClientGetsTheSameAnswer() {
        SageMakerAsyncClient async = fake.asyncClient();
        async.createWorkteam(Requests.cognitoTeam("allowed-1")).join();
        assertThatThrownBy(() -> async.deleteWorkteam(r -> r.workteamName("allowed-1")).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(SageMakerException.class)
                .hasMessageStartingWith("User: " + USER + " is not authorized to perform: sagemaker:DeleteWorkteam on "
                        + "resource: " + TEAMS + "allowed-1 with an explicit deny in an identity-based policy");
        assertThat(fake.state().workteamNames()).containsExactly("allowed-1");
    }

    @Test
    void aPolicyPerAccessKeyReplacesTheEveryCallerPolicyForThatKey() {
        fake.setIamPolicy("210987654321", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"sagemaker:ListWorkforces\",\"Resource\":\"*\"}}");
        SageMakerClient other = fake.client("210987654321", "us-east-1");
        assertThat(other.listWorkforces(r -> { }).workforces()).isEmpty();
        assertThatThrownBy(() -> other.listWorkteams(r -> { })).hasMessageStartingWith("User: "
                + "arn:aws:iam::210987654321:user/210987654321 is not authorized to perform: sagemaker:ListWorkteams");
        assertThatThrownBy(() -> sageMaker.listWorkforces(r -> { })).hasMessageStartingWith("User: " + USER
                + " is not authorized to perform: sagemaker:ListWorkforces");
    }

    @Test
    void clearingThePoliciesTurnsEnforcementOffAndResetKeepsThem() {
        fake.reset();
        assertThatThrownBy(() -> sageMaker.listWorkforces(r -> { })).isInstanceOf(SageMakerException.class);
        fake.clearIamPolicies();
        assertThat(sageMaker.listWorkforces(r -> { }).workforces()).isEmpty();
    }

    @Test
    void aPolicyTheFakeCannotReadIsRefusedWithItsPlaceAndReason() {
        assertThatThrownBy(() -> SageMakerWorkforceFake.builder().iamPolicy("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":\"sagemaker:*\",\"Resource\":\"*\",\"Condition\":{\"StringEqualz\":"
                + "{\"aws:RequestTag/team\":\"a\"}}}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IAM policy from the builder's iamPolicy refused at "
                        + "$.Statement[0].Condition.StringEqualz[\"aws:RequestTag/team\"]: \"StringEqualz\" is not an IAM "
                        + "condition operator. Operators: StringEquals, StringNotEquals, StringEqualsIgnoreCase, "
                        + "StringNotEqualsIgnoreCase, StringLike, StringNotLike, ArnEquals, ArnLike, ArnNotEquals, "
                        + "ArnNotLike, NumericEquals, NumericNotEquals, NumericLessThan, NumericLessThanEquals, "
                        + "NumericGreaterThan, NumericGreaterThanEquals, DateEquals, DateNotEquals, DateLessThan, "
                        + "DateLessThanEquals, DateGreaterThan, DateGreaterThanEquals, Bool, BinaryEquals, IpAddress, "
                        + "NotIpAddress, Null; each may end in IfExists (except Null) and start with ForAllValues: or "
                        + "ForAnyValue:");
        assertThatThrownBy(() -> fake.setIamPolicy("{\"Statement\":[]}"))
                .hasMessage("IAM policy from setIamPolicy refused at $.Statement: empty: a policy needs at least one "
                        + "statement");
        // the policy in force is unchanged
        assertThatThrownBy(() -> sageMaker.listWorkforces(r -> { })).isInstanceOf(SageMakerException.class);
    }

    @Test
    void conditionsOnResourceTagsReadTheResourcesTags() {
        fake.setIamPolicy("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*"},
                  {"Effect": "Allow", "Action": "cognito-idp:*", "Resource": "*"},
                  {"Effect": "Deny", "Action": "sagemaker:DescribeWorkteam", "Resource": "*",
                   "Condition": {"StringEquals": {"aws:ResourceTag/Secret": "yes"}}}]}""");
        sageMaker.createWorkteam(Requests.cognitoTeam("open"));
        sageMaker.createWorkteam(Requests.cognitoTeam("hidden").toBuilder()
                .tags(Tag.builder().key("secret").value("yes").build()).build());
        assertThat(sageMaker.describeWorkteam(r -> r.workteamName("open")).workteam()).isNotNull();
        assertThatThrownBy(() -> sageMaker.describeWorkteam(r -> r.workteamName("hidden")))
                .hasMessageStartingWith("User: " + USER + " is not authorized to perform: sagemaker:DescribeWorkteam "
                        + "on resource: " + TEAMS + "hidden with an explicit deny in an identity-based policy");
        assertThat(List.of(fake.state().workteamNames())).hasSize(1);
    }
}
