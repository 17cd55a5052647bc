package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Fixtures.cognitoTeam;
import static io.github.sagemakerfake.assertions.Fixtures.lines;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatJournal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.RequiredPolicy.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

class RequiredPolicyAssertTest {

    static final String TEAM = "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/a";

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    /** #1 CreateWorkteam a, #2 DescribeWorkteam a, #3 ListWorkteams. */
    @BeforeEach
    void traffic() {
        cognitoTeam(sageMaker, "a", "Team A", "g");
        sageMaker.describeWorkteam(r -> r.workteamName("a"));
        sageMaker.listWorkteams(r -> { });
    }

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void passes_on_what_the_calls_needed() {
        assertThatJournal(fake).requiredPolicy()
                .includes("sagemaker:CreateWorkteam", TEAM)
                .includes("sagemaker:ListWorkteams", "*")
                .doesNotInclude("sagemaker:DeleteWorkteam", TEAM)
                .doesNotIncludeAction("sagemaker:AddTags")
                .hasActionsExactly("sagemaker:CreateWorkteam", "sagemaker:DescribeWorkteam", "sagemaker:ListWorkteams",
                        "cognito-idp:DescribeUserPool", "cognito-idp:DescribeUserPoolClient", "cognito-idp:UpdateUserPool",
                        "cognito-idp:UpdateUserPoolClient");
    }

    @Test
    void includes_fails_with_what_the_policy_has() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThatJournal(fake).requiredPolicy().includes("sagemaker:DeleteWorkteam", TEAM))
                .withMessageStartingWith(lines(
                        "Expecting the required policy to include sagemaker:DeleteWorkteam on " + TEAM
                                + ", but it does not. It includes:"))
                .withMessageContaining("  sagemaker:CreateWorkteam on " + TEAM)
                .withMessageEndingWith("  sagemaker:ListWorkteams on *");
    }

    @Test
    void containsExactly_names_the_missing_and_the_extra_pairs() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThatJournal(fake).requiredPolicy().containsExactly(
                        new Permission("sagemaker:ListWorkteams", "*"),
                        new Permission("sagemaker:DeleteWorkteam", TEAM)))
                .withMessageContaining(lines("  these were not needed:", "  sagemaker:DeleteWorkteam on " + TEAM))
                .withMessageContaining(lines("  these were needed as well:",
                        "  cognito-idp:DescribeUserPool on arn:aws:cognito-idp:us-east-1:123456789012:userpool/"));
    }

    @Test
    void isCoveredBy_lists_each_call_a_policy_would_deny_in_aws_words() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"sagemaker:*\","
                + "\"cognito-idp:*\"],\"Resource\":\"arn:aws:*:*:*:*\"}]}";
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThatJournal(fake).requiredPolicy().isCoveredBy(policy))
                .withMessage(lines(
                        "Expecting the policy to allow every call the code made in 123456789012/us-east-1, but it would "
                                + "deny 1 call:",
                        "  #3 ListWorkteams: User: arn:aws:iam::123456789012:user/anonymous is not authorized to perform: "
                                + "sagemaker:ListWorkteams because no identity-based policy allows the "
                                + "sagemaker:ListWorkteams action"));
        assertThatJournal(fake).requiredPolicy().isCoveredBy(fake.requiredPolicy().toJson());
    }

    @Test
    void soft_assertions_collect_every_failure_of_the_chain() {
        SageMakerWorkforceSoftAssertions softly = new SageMakerWorkforceSoftAssertions();
        softly.assertThatJournal(fake).requiredPolicy()
                .includes("sagemaker:DeleteWorkteam", TEAM)
                .doesNotIncludeAction("sagemaker:ListWorkteams")
                .includes("sagemaker:ListWorkteams", "*");
        assertThat(softly.errorsCollected()).extracting(Throwable::getMessage).satisfiesExactly(
                m -> assertThat(m).startsWith("Expecting the required policy to include sagemaker:DeleteWorkteam"),
                m -> assertThat(m).startsWith("Expecting the required policy not to include sagemaker:ListWorkteams"));
    }
}
