package io.github.sagemakerfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.RequiredPolicy;
import io.github.sagemakerfake.control.RequiredPolicy.Permission;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * The round trip of docs/iam.md: run code without a policy, take the policy its calls needed, run
 * the same code again under exactly that policy.
 */
class RequiredPolicyRoundTripTest {

    static final String WORKFORCE = "arn:aws:sagemaker:us-east-1:123456789012:workforce/labelers";
    static final String TEAM = "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/annotators";
    static final String POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + Requests.POOL;

    /** Code under test: provisions a workforce and a tagged team, tends it, and tears both down. */
    static void provisionAndTearDown(SageMakerClient sageMaker) {
        sageMaker.createWorkforce(Requests.cognitoWorkforce("labelers"));
        Requests.awaitSettled(sageMaker, "labelers");
        String arn = sageMaker.createWorkteam(Requests.cognitoTeam("annotators").toBuilder()
                .tags(Tag.builder().key("cost-center").value("ml").build()).build()).workteamArn();
        sageMaker.describeWorkteam(r -> r.workteamName("annotators"));
        sageMaker.updateWorkteam(r -> r.workteamName("annotators").description("Annotators, EU"));
        sageMaker.listWorkteams(r -> { });
        sageMaker.addTags(r -> r.resourceArn(arn).tags(Tag.builder().key("owner").value("data").build()));
        sageMaker.listTags(r -> r.resourceArn(arn));
        sageMaker.listWorkforces(r -> { });
        sageMaker.deleteWorkteam(r -> r.workteamName("annotators"));
        sageMaker.deleteWorkforce(r -> r.workforceName("labelers"));
    }

    @Test
    void theRequiredPolicyListsExactlyThePairsTheCodeNeededAndTheCodePassesUnderIt() {
        RequiredPolicy required;
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create()) {
            provisionAndTearDown(fake.client());
            required = fake.requiredPolicy();
        }
        assertThat(required.permissions()).containsExactly(
                new Permission("cognito-idp:DescribeUserPool", POOL),
                new Permission("cognito-idp:DescribeUserPoolClient", POOL),
                new Permission("cognito-idp:UpdateUserPool", POOL),
                new Permission("cognito-idp:UpdateUserPoolClient", POOL),
                new Permission("sagemaker:AddTags", TEAM),
                new Permission("sagemaker:CreateWorkforce", WORKFORCE),
                new Permission("sagemaker:CreateWorkteam", TEAM),
                new Permission("sagemaker:DeleteWorkforce", WORKFORCE),
                new Permission("sagemaker:DeleteWorkteam", TEAM),
                new Permission("sagemaker:DescribeWorkforce", WORKFORCE),
                new Permission("sagemaker:DescribeWorkteam", TEAM),
                new Permission("sagemaker:ListTags", TEAM),
                new Permission("sagemaker:ListWorkforces", "*"),
                new Permission("sagemaker:ListWorkteams", "*"),
                new Permission("sagemaker:UpdateWorkteam", TEAM));

        try (SageMakerWorkforceFake underPolicy = SageMakerWorkforceFake.builder().iamPolicy(required.toJson()).build()) {
            provisionAndTearDown(underPolicy.client());
            assertThat(underPolicy.journal()).allMatch(e -> e.succeeded(), "every call succeeded");
            assertThat(underPolicy.requiredPolicy()).isEqualTo(required);
            // Least privilege: a team the code never made is not covered.
            assertThatThrownBy(() -> underPolicy.client().createWorkteam(Requests.cognitoTeam("intruders")))
                    .isInstanceOf(SageMakerException.class)
                    .hasMessageStartingWith("User: arn:aws:iam::123456789012:user/123456789012 is not authorized to "
                            + "perform: sagemaker:CreateWorkteam on resource: "
                            + "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/intruders because");
        }
    }

    @Test
    void theDocumentIsWhatIamTakes() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create()) {
            fake.client().createWorkteam(Requests.cognitoTeam("annotators").toBuilder()
                    .tags(Tag.builder().key("cost-center").value("ml").build()).build());
            assertThat(fake.requiredPolicy().toJson()).isEqualTo("""
                    {
                      "Version": "2012-10-17",
                      "Statement": [
                        {
                          "Effect": "Allow",
                          "Action": [
                            "cognito-idp:DescribeUserPool",
                            "cognito-idp:DescribeUserPoolClient",
                            "cognito-idp:UpdateUserPool",
                            "cognito-idp:UpdateUserPoolClient"
                          ],
                          "Resource": "%s"
                        },
                        {
                          "Effect": "Allow",
                          "Action": "sagemaker:AddTags",
                          "Resource": "%s",
                          "Condition": {
                            "StringEquals": {
                              "sagemaker:TaggingAction": "CreateWorkteam"
                            }
                          }
                        },
                        {
                          "Effect": "Allow",
                          "Action": "sagemaker:CreateWorkteam",
                          "Resource": "%s"
                        }
                      ]
                    }
                    """.formatted(POOL, TEAM, TEAM));
            assertThat(fake.requiredPolicy("123456789012", "eu-west-1").isEmpty()).isTrue();
        }
    }
}
