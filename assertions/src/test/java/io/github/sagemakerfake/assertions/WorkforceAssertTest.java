package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Fixtures.ISSUER;
import static io.github.sagemakerfake.assertions.Fixtures.POOL;
import static io.github.sagemakerfake.assertions.Fixtures.lines;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.Lifecycle;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkforceResponse;

class WorkforceAssertTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    @AfterEach
    void close() {
        fake.close();
    }

    @Nested
    class Cognito {

        @Test
        void a_cognito_workforce() {
            Fixtures.cognitoWorkforce(sageMaker);

            assertThat(fake).hasWorkforce()
                    .hasName("default")
                    .hasArn("arn:aws:sagemaker:us-east-1:123456789012:workforce/default")
                    .hasStatus("Active")
                    .isActive()
                    .usesCognito()
                    .usesCognitoUserPool(POOL)
                    .hasNoSourceIpRestriction()
                    .hasNoVpc()
                    .hasIpAddressType("ipv4")
                    .hasSubDomainInRegion("us-east-1");
        }

        @Test
        void usesOidc_fails_on_a_cognito_workforce() {
            Fixtures.cognitoWorkforce(sageMaker);

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforce().usesOidc())
                    .withMessage("Expecting workforce \"default\" to use an OIDC identity provider, but it has "
                            + "CognitoConfig {\"UserPool\":\"us-east-1_abc123\",\"ClientId\":\"client-1\"}");
        }

        @Test
        void usesCognitoUserPool_fails() {
            Fixtures.cognitoWorkforce(sageMaker);

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforce().usesCognitoUserPool("us-east-1_other"))
                    .withMessage(lines("Expecting workforce \"default\" to use Cognito user pool:",
                            "  \"us-east-1_other\"", "but it uses:", "  \"us-east-1_abc123\""));
        }

        @Test
        void hasName_and_hasArn_fail() {
            Fixtures.cognitoWorkforce(sageMaker);

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforce().hasName("main"))
                    .withMessage(lines("Expecting workforce to be named:", "  \"main\"", "but was:", "  \"default\""));
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforce()
                            .hasArn("arn:aws:sagemaker:us-east-1:123456789012:workforce/main"))
                    .withMessage(lines("Expecting workforce \"default\" to have ARN:",
                            "  \"arn:aws:sagemaker:us-east-1:123456789012:workforce/main\"", "but was:",
                            "  \"arn:aws:sagemaker:us-east-1:123456789012:workforce/default\""));
        }

        @Test
        void sub_domain() {
            Fixtures.cognitoWorkforce(sageMaker);
            String subDomain = fake.state().workforce().orElseThrow().subDomain();

            assertThat(fake).hasWorkforce().hasSubDomain(subDomain);
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforce().hasSubDomainInRegion("eu-west-1"))
                    .withMessage(lines("Expecting workforce \"default\" to have a SubDomain of the form:",
                            "  <10 lowercase letters or digits>.labeling.eu-west-1.sagemaker.aws", "but was:",
                            "  \"" + subDomain + "\""));
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforce().hasSubDomain("portal.example.com"))
                    .withMessage(lines("Expecting workforce \"default\" to have SubDomain:",
                            "  \"portal.example.com\"", "but was:", "  \"" + subDomain + "\""));
        }
    }

    @Nested
    class Oidc {

        @Test
        void an_oidc_workforce_with_source_ip_restriction() {
            Fixtures.oidcWorkforce(sageMaker);

            assertThat(fake).hasWorkforceNamed("oidc-workforce")
                    .usesOidc()
                    .usesOidcIssuer(ISSUER)
                    .hasSourceIpCidrs("192.168.1.0/24", "10.0.0.0/16");
        }

        @Test
        void usesCognito_fails_on_an_oidc_workforce() {
            Fixtures.oidcWorkforce(sageMaker);

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforce().usesCognito())
                    .withMessage("Expecting workforce \"oidc-workforce\" to use Amazon Cognito, but it has "
                            + "OidcConfig with Issuer \"https://idp.example.com\"");
        }

        @Test
        void usesOidcIssuer_fails() {
            Fixtures.oidcWorkforce(sageMaker);

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforce().usesOidcIssuer("https://other.example.com"))
                    .withMessage(lines("Expecting workforce \"oidc-workforce\" to use OIDC issuer:",
                            "  \"https://other.example.com\"", "but it uses:", "  \"https://idp.example.com\""));
        }

        @Test
        void source_ip_restriction_fails() {
            Fixtures.oidcWorkforce(sageMaker);

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforce().hasSourceIpCidrs("10.0.0.0/16"))
                    .withMessage(lines("Expecting workforce \"oidc-workforce\" to allow exactly these source IP CIDRs:",
                            "  [\"10.0.0.0/16\"]", "but it allows:", "  [\"10.0.0.0/16\", \"192.168.1.0/24\"]"));
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforce().hasNoSourceIpRestriction())
                    .withMessage(lines("Expecting workforce \"oidc-workforce\" to have no source IP restriction, "
                            + "but it allows only:", "  [\"10.0.0.0/16\", \"192.168.1.0/24\"]"));
        }

        @Test
        void hasSourceIpCidrs_fails_without_restriction() {
            Fixtures.cognitoWorkforce(sageMaker);

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforce().hasSourceIpCidrs("10.0.0.0/16"))
                    .withMessage(lines("Expecting workforce \"default\" to allow exactly these source IP CIDRs:",
                            "  [\"10.0.0.0/16\"]", "but it allows:", "  [] (no restriction)"));
        }
    }

    @Nested
    class NetworkAndStatus {

        @Test
        void vpc_and_dualstack() {
            Fixtures.cognitoWorkforce(sageMaker);
            sageMaker.updateWorkforce(r -> r.workforceName("default").ipAddressType("dualstack")
                    .workforceVpcConfig(v -> v.vpcId("vpc-0abc").securityGroupIds("sg-0abc").subnets("subnet-0abc")));

            assertThat(fake).hasWorkforce().usesVpc("vpc-0abc").hasIpAddressType("dualstack");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforce().hasNoVpc())
                    .withMessageStartingWith("Expecting workforce \"default\" to have no WorkforceVpcConfig, but it "
                            + "has {\"VpcId\":\"vpc-0abc\"");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforce().usesVpc("vpc-other"))
                    .withMessageStartingWith("Expecting workforce \"default\" to use VPC \"vpc-other\", but its "
                            + "WorkforceVpcConfig is {\"VpcId\":\"vpc-0abc\"");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforce().hasIpAddressType("ipv4"))
                    .withMessage("Expecting workforce \"default\" to have IpAddressType \"ipv4\", but was \"dualstack\"");
        }

        @Test
        void usesVpc_fails_without_vpc() {
            Fixtures.cognitoWorkforce(sageMaker);

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforce().usesVpc("vpc-0abc"))
                    .withMessage("Expecting workforce \"default\" to use VPC \"vpc-0abc\", but it has no "
                            + "WorkforceVpcConfig");
        }

        @Test
        void status_follows_a_timed_lifecycle() {
            try (SageMakerWorkforceFake slow = SageMakerWorkforceFake.builder()
                    .lifecycle(Lifecycle.timed(Duration.ofMinutes(2))).build()) {
                Fixtures.startCognitoWorkforce(slow.client());

                assertThat(slow).hasWorkforce().hasStatus("Initializing").isInitializing();
                assertThatExceptionOfType(AssertionError.class)
                        .isThrownBy(() -> assertThat(slow).hasWorkforce().isActive())
                        .withMessageStartingWith("Expecting workforce \"default\" to have status \"Active\", but was "
                                + "\"Initializing\" (lifecycle: with the default OBSERVED(1), the first DescribeWorkforce")
                        .withMessageContaining("Lifecycle.immediate()")
                        .withMessageContaining("advance the fake clock");

                slow.advanceClock(Duration.ofMinutes(2));
                assertThat(slow).hasWorkforce().isActive();
            }
        }

        @Test
        void hasFailed_checks_the_status_and_the_reason() {
            fake.addFault(FaultRule.forOperation("CreateWorkforce").failProvisioning("No capacity."));
            Fixtures.startCognitoWorkforce(sageMaker);
            DescribeWorkforceResponse initializing = sageMaker.describeWorkforce(r -> r.workforceName("default"));
            DescribeWorkforceResponse failed = sageMaker.describeWorkforce(r -> r.workforceName("default"));

            assertThat(initializing).isInitializing();
            assertThat(failed).hasFailed("No capacity.");
            assertThat(fake).hasWorkforce().hasFailed("No capacity.");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(failed).hasFailed("Another reason."))
                    .withMessage("Expecting workforce \"default\" to have failed with reason \"Another reason.\", but "
                            + "the reason was \"No capacity.\"");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(initializing).hasFailed("No capacity."))
                    .withMessageStartingWith("Expecting workforce \"default\" to have status \"Failed\", but was "
                            + "\"Initializing\" (lifecycle: ");
            assertThatExceptionOfType(AssertionError.class)
                    .as("a settled status needs no hint")
                    .isThrownBy(() -> assertThat(failed).isActive())
                    .withMessage("Expecting workforce \"default\" to have status \"Active\", but was \"Failed\"");
        }
    }
}
