package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** The annotation's iamPolicy and requiredPolicyReport (docs/iam.md, "In JUnit"). */
class IamTest {

    @Test
    void everyFakeOfTheClassEnforcesThePolicyInProcessAndOverHttp() {
        TestKit.assertAllPassed(TestKit.run(UnderPolicy.class, UnderPolicyOverHttp.class), 2);
    }

    @Test
    void aPolicyTheFakeCannotReadFailsTheClassWithItsPlace() {
        Throwable failure = TestKit.onlyFailure(TestKit.run(UnreadablePolicy.class));
        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@SageMakerWorkforceTest(iamPolicy = \"/iam/bad-operator.json\") on "
                        + UnreadablePolicy.class.getName() + ": IAM policy from /iam/bad-operator.json refused at "
                        + "$.Statement.Condition.StringEqualz[\"aws:RequestTag/team\"]: \"StringEqualz\" is not an IAM "
                        + "condition operator. " + failure.getMessage().substring(failure.getMessage().indexOf("Operators:")));
    }

    @Test
    void writesTheClassesRequiredPolicyTheUnionOfItsTests() throws Exception {
        Path directory = Files.createTempDirectory("sagemaker-fake-reports");
        TestKit.assertAllPassed(TestKit.run(Map.of(FakeConfiguration.REPORT_DIRECTORY_KEY, directory.toString()),
                Reported.class), 2);
        Path file = RequiredPolicyReport.file(directory, Reported.class.getName(), "123456789012", "us-east-1");
        String policy = Files.readString(file);
        assertThat(policy).contains("\"sagemaker:CreateWorkteam\"", "\"sagemaker:ListWorkteams\"",
                "\"arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/one\"",
                "\"arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/two\"");
        // one file: the class called in one account and region
        assertThat(Files.list(directory)).hasSize(1);
    }

    @TestKitOnly
    @SageMakerWorkforceTest(iamPolicy = "/iam/teams-only.json")
    static class UnderPolicy {
        @Test
        void createsTeamsButMayNotDescribeThem(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "alpha");
            assertThatThrownBy(() -> sageMaker.describeWorkteam(r -> r.workteamName("alpha")))
                    .isInstanceOf(SageMakerException.class)
                    .hasMessageStartingWith("User: arn:aws:iam::123456789012:user/123456789012 is not authorized to "
                            + "perform: sagemaker:DescribeWorkteam on resource: "
                            + "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/alpha because no "
                            + "identity-based policy allows the sagemaker:DescribeWorkteam action");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(iamPolicy = "/iam/teams-only.json", transport = Transport.HTTP)
    static class UnderPolicyOverHttp extends UnderPolicy {
    }

    @TestKitOnly
    @SageMakerWorkforceTest(iamPolicy = "/iam/bad-operator.json")
    static class UnreadablePolicy {
        @Test
        void neverRuns() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(requiredPolicyReport = true)
    static class Reported {
        @Test
        void one(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "one");
        }

        @Test
        void two(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "two");
            sageMaker.listWorkteams();
        }
    }
}
