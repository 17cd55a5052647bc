package io.github.sagemakerfake.examples.snippets.iam;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatJournal;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.RequiredPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

class LabelingRolePolicyTest {

    static final String TEAM = "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/annotators";

    /** The code under test: provisions a tagged team of Cognito workers and reads it back. */
    static void provision(SageMakerClient sageMaker) {
        sageMaker.createWorkteam(r -> r.workteamName("annotators").description("Annotators")
                .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c
                        .userPool("us-east-1_AbC123").clientId("app").userGroup("annotators")))
                .tags(t -> t.key("cost-center").value("ml")));
        sageMaker.describeWorkteam(r -> r.workteamName("annotators"));
    }

    @Test
    void derivesTheRolePolicyAndRunsTheCodeUnderIt() throws Exception {
        RequiredPolicy needed;
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create()) {
            provision(fake.client());
            needed = fake.requiredPolicy();
            assertThatJournal(fake).requiredPolicy()
                    .includes("sagemaker:CreateWorkteam", TEAM)
                    .includes("sagemaker:AddTags", TEAM)              // a Create with Tags is authorized twice
                    .doesNotIncludeAction("sagemaker:DeleteWorkteam");
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/labeling-role-policy.json"), needed.toJson());

        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder().iamPolicy(needed.toJson()).build()) {
            provision(fake.client());                                 // passes: the policy is enough
            assertThatThrownBy(() -> fake.client().deleteWorkteam(r -> r.workteamName("annotators")))
                    .isInstanceOf(SageMakerException.class)           // and it is no more than enough
                    .hasMessageContaining("is not authorized to perform: sagemaker:DeleteWorkteam on resource: "
                            + TEAM + " because no identity-based policy allows the sagemaker:DeleteWorkteam action");
        }
    }

    @Test
    void theRolePolicyInTheRepositoryIsEnough() {
        String rolePolicy = """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["sagemaker:CreateWorkteam", "sagemaker:DescribeWorkteam"],
                   "Resource": "arn:aws:sagemaker:*:*:workteam/private-crowd/*"},
                  {"Effect": "Allow", "Action": ["cognito-idp:Describe*", "cognito-idp:Update*"],
                   "Resource": "*"}]}""";
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create()) {
            provision(fake.client());
            assertThatThrownBy(() -> assertThatJournal(fake).requiredPolicy().isCoveredBy(rolePolicy))
                    .hasMessageContaining("#1 CreateWorkteam: User: arn:aws:iam::123456789012:user/anonymous is not "
                            + "authorized to perform: sagemaker:AddTags on resource: " + TEAM);
        }
    }
}
