package io.github.sagemakerfake;

import static io.github.sagemakerfake.Requests.awaitDeleted;
import static io.github.sagemakerfake.Requests.awaitSettled;
import static io.github.sagemakerfake.Requests.cognitoTeam;
import static io.github.sagemakerfake.Requests.cognitoWorkforce;
import static io.github.sagemakerfake.Requests.createActive;
import static io.github.sagemakerfake.Requests.oidcConfig;
import static io.github.sagemakerfake.Requests.oidcTeam;
import static io.github.sagemakerfake.Requests.oidcWorkforce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ConflictException;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Workforce;
import software.amazon.awssdk.services.sagemaker.model.WorkforceStatus;

class WorkforceRulesTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void createReturnsTheWorkforceArnAndDescribeShowsTheServiceDefaults() {
        String arn = sageMaker.createWorkforce(cognitoWorkforce("my-workforce")).workforceArn();

        assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:123456789012:workforce/my-workforce");
        Workforce wf = sageMaker.describeWorkforce(r -> r.workforceName("my-workforce")).workforce();
        assertThat(wf.workforceArn()).isEqualTo(arn);
        assertThat(wf.status()).isEqualTo(WorkforceStatus.INITIALIZING); // the default lifecycle, OBSERVED(1)
        wf = sageMaker.describeWorkforce(r -> r.workforceName("my-workforce")).workforce();
        assertThat(wf.status()).isEqualTo(WorkforceStatus.ACTIVE);
        assertThat(wf.sourceIpConfig().cidrs()).isEmpty();
        assertThat(wf.subDomain()).matches("[a-z0-9]{10}\\.labeling\\.us-east-1\\.sagemaker\\.aws");
        assertThat(wf.createDate()).isEqualTo(wf.lastUpdatedDate());
        assertThat(wf.cognitoConfig().userPool()).isEqualTo(Requests.POOL);
        assertThat(wf.oidcConfig()).isNull();
    }

    @Test
    void onlyOneWorkforcePerAccountAndRegion() {
        sageMaker.createWorkforce(cognitoWorkforce("first"));

        assertThatThrownBy(() -> sageMaker.createWorkforce(cognitoWorkforce("second")))
                .isExactlyInstanceOf(SageMakerException.class)
                .hasMessageContaining("Cannot create more than one workforce for account 123456789012. If you are "
                        + "trying to update existing workforce, please use UpdateWorkforce API")
                .satisfies(e -> {
                    SageMakerException s = (SageMakerException) e;
                    assertThat(s.statusCode()).isEqualTo(400);
                    assertThat(s.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(s.requestId()).isNotBlank();
                });
    }

    @Test
    void eachAccountAndRegionHasItsOwnWorkforce() {
        sageMaker.createWorkforce(cognitoWorkforce("wf"));
        fake.client("210987654321", "us-east-1").createWorkforce(cognitoWorkforce("wf"));
        String arn = fake.client("123456789012", "eu-west-1").createWorkforce(cognitoWorkforce("wf")).workforceArn();

        assertThat(arn).isEqualTo("arn:aws:sagemaker:eu-west-1:123456789012:workforce/wf");
        assertThat(fake.snapshot().regions()).hasSize(3);
    }

    @Test
    void createNeedsExactlyOneIdentityProvider() {
        assertThatThrownBy(() -> sageMaker.createWorkforce(r -> r.workforceName("wf")))
                .isInstanceOf(SageMakerException.class).hasMessageContaining("exactly one of CognitoConfig or OidcConfig");
        assertThatThrownBy(() -> sageMaker.createWorkforce(cognitoWorkforce("wf").toBuilder().oidcConfig(oidcConfig()).build()))
                .isInstanceOf(SageMakerException.class).hasMessageContaining("the request has both");
        assertThat(fake.state().workforce()).isEmpty();
    }

    @Test
    void clientSecretIsNeverReturned() {
        sageMaker.createWorkforce(oidcWorkforce("oidc"));

        Workforce wf = sageMaker.describeWorkforce(r -> r.workforceName("oidc")).workforce();
        assertThat(wf.oidcConfig().clientId()).isEqualTo("oidc-client");
        assertThat(wf.oidcConfig().issuer()).isEqualTo("https://idp.example.com");
        assertThat(fake.snapshot().toString()).doesNotContain("s3cr3t-value");
        assertThat(fake.journal().toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void missingWorkforceIsAValidationExceptionSayingNoWorkforce() {
        assertThatThrownBy(() -> sageMaker.describeWorkforce(r -> r.workforceName("nope")))
                .isExactlyInstanceOf(SageMakerException.class)
                .hasMessageContaining("No workforce")
                .satisfies(e -> assertThat(((SageMakerException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));
        assertThatThrownBy(() -> sageMaker.deleteWorkforce(r -> r.workforceName("nope")))
                .hasMessageContaining("No workforce");
        assertThatThrownBy(() -> sageMaker.updateWorkforce(r -> r.workforceName("nope")))
                .hasMessageContaining("No workforce");
    }

    @Test
    void deleteIsRefusedWhileTeamsExist() {
        sageMaker.createWorkforce(cognitoWorkforce("wf"));
        sageMaker.createWorkteam(cognitoTeam("team-a"));

        assertThatThrownBy(() -> sageMaker.deleteWorkforce(r -> r.workforceName("wf")))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageContaining("team-a")
                .satisfies(e -> assertThat(((ResourceInUseException) e).statusCode()).isEqualTo(400));

        sageMaker.deleteWorkteam(r -> r.workteamName("team-a"));
        sageMaker.deleteWorkforce(r -> r.workforceName("wf"));
        assertThat(fake.state().workforce().orElseThrow().status()).isEqualTo("Deleting");
        awaitDeleted(sageMaker, "wf");
        assertThat(fake.state().workforce()).isEmpty();
    }

    @Test
    void updateChangesNetworkSettingsAndKeepsTheRest() {
        createActive(sageMaker, cognitoWorkforce("wf"));
        fake.advanceClock(Duration.ofMinutes(1));

        Workforce updated = sageMaker.updateWorkforce(r -> r.workforceName("wf")
                .sourceIpConfig(s -> s.cidrs("10.0.0.0/16", "192.168.1.0/24"))
                .workforceVpcConfig(v -> v.vpcId("vpc-0abc").securityGroupIds("sg-0abc").subnets("subnet-0abc")))
                .workforce();

        assertThat(updated.status()).isEqualTo(WorkforceStatus.UPDATING);
        assertThat(updated.sourceIpConfig().cidrs()).containsExactly("10.0.0.0/16", "192.168.1.0/24");
        assertThat(updated.workforceVpcConfig().vpcId()).isEqualTo("vpc-0abc");
        assertThat(updated.workforceVpcConfig().vpcEndpointId()).as("no endpoint while Updating").isNull();
        assertThat(updated.lastUpdatedDate()).isAfter(updated.createDate());
        assertThat(updated.cognitoConfig().userPool()).isEqualTo(Requests.POOL);
        assertThat(awaitSettled(sageMaker, "wf").workforceVpcConfig().vpcEndpointId()).matches("vpce-[0-9a-z]+");

        Workforce withoutVpc = sageMaker.updateWorkforce(r -> r.workforceName("wf").workforceVpcConfig(v -> { }))
                .workforce();
        assertThat(withoutVpc.workforceVpcConfig()).isNull();
        assertThat(withoutVpc.sourceIpConfig().cidrs()).hasSize(2);
    }

    @Test
    void moreThanTenCidrsAreRefusedAndNothingChanges() {
        createActive(sageMaker, cognitoWorkforce("wf"));
        String[] cidrs = new String[11];
        for (int i = 0; i < cidrs.length; i++) {
            cidrs[i] = "10.0." + i + ".0/24";
        }

        assertThatThrownBy(() -> sageMaker.updateWorkforce(r -> r.workforceName("wf").sourceIpConfig(s -> s.cidrs(cidrs))))
                .isInstanceOf(SageMakerException.class).hasMessageContaining("at most 10");
        assertThat(fake.state().workforce().orElseThrow().sourceIpCidrs()).isEmpty();
    }

    @Test
    void ipv6RangesNeedDualstack() {
        createActive(sageMaker, cognitoWorkforce("wf"));

        assertThatThrownBy(() -> sageMaker.updateWorkforce(r -> r.workforceName("wf")
                .sourceIpConfig(s -> s.cidrs("2001:db8:1234:1a00::/56"))))
                .hasMessageContaining("dualstack");
        Workforce wf = sageMaker.updateWorkforce(r -> r.workforceName("wf").ipAddressType("dualstack")
                .sourceIpConfig(s -> s.cidrs("2001:db8:1234:1a00::/56"))).workforce();
        assertThat(wf.ipAddressTypeAsString()).isEqualTo("dualstack");
    }

    @Test
    void oidcConfigCanChangeOnlyWithoutTeams() {
        createActive(sageMaker, oidcWorkforce("oidc"));
        sageMaker.updateWorkforce(r -> r.workforceName("oidc").oidcConfig(oidcConfig().toBuilder().clientId("new").build()));
        awaitSettled(sageMaker, "oidc");
        sageMaker.createWorkteam(oidcTeam("team", "g1"));

        assertThatThrownBy(() -> sageMaker.updateWorkforce(r -> r.workforceName("oidc").oidcConfig(oidcConfig())))
                .isExactlyInstanceOf(SageMakerException.class)
                .hasMessageContaining("only when no work teams are associated");
        assertThat(sageMaker.describeWorkforce(r -> r.workforceName("oidc")).workforce().oidcConfig().clientId())
                .isEqualTo("new");
    }

    @Test
    void aCognitoWorkforceCannotBecomeOidc() {
        createActive(sageMaker, cognitoWorkforce("wf"));
        assertThatThrownBy(() -> sageMaker.updateWorkforce(r -> r.workforceName("wf").oidcConfig(oidcConfig())))
                .hasMessageContaining("uses Amazon Cognito");
    }

    @Test
    void listWorkforcesShowsTheOneWorkforceAndFiltersByName() {
        assertThat(sageMaker.listWorkforces(r -> { }).workforces()).isEmpty();
        sageMaker.createWorkforce(cognitoWorkforce("Labeling-Crowd"));

        assertThat(sageMaker.listWorkforces(r -> { }).workforces()).extracting(Workforce::workforceName)
                .containsExactly("Labeling-Crowd");
        assertThat(sageMaker.listWorkforces(r -> r.nameContains("crowd")).workforces()).hasSize(1);
        assertThat(sageMaker.listWorkforces(r -> r.nameContains("other")).workforces()).isEmpty();
    }

    @Nested
    class WithAProvisioningDelay {

        private final FakeClock clock = FakeClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
        private final SageMakerWorkforceFake slow = SageMakerWorkforceFake.builder()
                .provisioningDelay(Duration.ofSeconds(30)).clock(clock).build();
        private final SageMakerClient client = slow.client();

        @AfterEach
        void close() {
            slow.close();
        }

        @Test
        void aNewWorkforceIsInitializingUntilTheDelayPasses() {
            client.createWorkforce(cognitoWorkforce("wf"));
            assertThat(status()).isEqualTo(WorkforceStatus.INITIALIZING);

            clock.advance(Duration.ofSeconds(29));
            assertThat(status()).isEqualTo(WorkforceStatus.INITIALIZING);

            clock.advance(Duration.ofSeconds(1));
            assertThat(status()).isEqualTo(WorkforceStatus.ACTIVE);
            assertThat(client.describeWorkforce(r -> r.workforceName("wf")).workforce().createDate())
                    .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        }

        @Test
        void updatingIsRefusedWithConflictUntilActive() {
            client.createWorkforce(cognitoWorkforce("wf"));

            assertThatThrownBy(() -> client.updateWorkforce(r -> r.workforceName("wf").sourceIpConfig(s -> s.cidrs("10.0.0.0/8"))))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("Initializing");

            clock.advance(Duration.ofSeconds(30));
            client.updateWorkforce(r -> r.workforceName("wf").sourceIpConfig(s -> s.cidrs("10.0.0.0/8")));
            assertThat(status()).isEqualTo(WorkforceStatus.UPDATING);
            clock.advance(Duration.ofSeconds(30));
            assertThat(status()).isEqualTo(WorkforceStatus.ACTIVE);
        }

        @Test
        void aDeletedWorkforceIsDeletingThenGone() {
            client.createWorkforce(cognitoWorkforce("wf"));
            clock.advance(Duration.ofSeconds(30));
            client.deleteWorkforce(r -> r.workforceName("wf"));

            assertThat(status()).isEqualTo(WorkforceStatus.DELETING);
            clock.advance(Duration.ofSeconds(30));
            assertThatThrownBy(this::status).hasMessageContaining("No workforce");
            client.createWorkforce(cognitoWorkforce("again"));
        }

        private WorkforceStatus status() {
            return client.describeWorkforce(r -> r.workforceName("wf")).workforce().status();
        }
    }
}
