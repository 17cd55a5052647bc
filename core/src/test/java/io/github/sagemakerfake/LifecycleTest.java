package io.github.sagemakerfake;

import io.github.sagemakerfake.internal.admin.FaultRuleJson;
import static io.github.sagemakerfake.Requests.awaitSettled;
import static io.github.sagemakerfake.Requests.cognitoTeam;
import static io.github.sagemakerfake.Requests.cognitoWorkforce;
import static io.github.sagemakerfake.Requests.createActive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.Lifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ConflictException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Workforce;
import software.amazon.awssdk.services.sagemaker.model.WorkforceStatus;

/** The workforce lifecycle (docs/lifecycle.md) under each {@link Lifecycle}, and the rules that depend on the status. */
class LifecycleTest {

    private final List<SageMakerWorkforceFake> fakes = new ArrayList<>();

    @AfterEach
    void close() {
        fakes.forEach(SageMakerWorkforceFake::close);
    }

    private SageMakerWorkforceFake fake(Lifecycle lifecycle) {
        SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder().lifecycle(lifecycle).build();
        fakes.add(fake);
        return fake;
    }

    private static WorkforceStatus status(SageMakerClient sageMaker, String name) {
        return sageMaker.describeWorkforce(r -> r.workforceName(name)).workforce().status();
    }

    @Nested
    class ObservedOnceTheDefault {

        private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
        private final SageMakerClient sageMaker = fake.client();

        @AfterEach
        void close() {
            fake.close();
        }

        @Test
        void isTheDefaultOfEveryFake() {
            assertThat(FakeSettings.defaults().lifecycle()).isEqualTo(Lifecycle.observed(1));
            assertThat(fake.settings().lifecycle()).hasToString("OBSERVED(1)");
        }

        @Test
        void theFirstReadAfterEachChangeShowsTheTransitionalStatusTheNextTheSettledOne() {
            sageMaker.createWorkforce(cognitoWorkforce("wf"));
            assertThat(status(sageMaker, "wf")).isEqualTo(WorkforceStatus.INITIALIZING);
            assertThat(status(sageMaker, "wf")).isEqualTo(WorkforceStatus.ACTIVE);
            assertThat(status(sageMaker, "wf")).isEqualTo(WorkforceStatus.ACTIVE);

            Workforce updating = sageMaker.updateWorkforce(r -> r.workforceName("wf")
                    .sourceIpConfig(s -> s.cidrs("10.0.0.0/8"))).workforce();
            assertThat(updating.status()).isEqualTo(WorkforceStatus.UPDATING);
            assertThat(status(sageMaker, "wf")).isEqualTo(WorkforceStatus.UPDATING);
            assertThat(status(sageMaker, "wf")).isEqualTo(WorkforceStatus.ACTIVE);

            sageMaker.deleteWorkforce(r -> r.workforceName("wf"));
            assertThat(status(sageMaker, "wf")).isEqualTo(WorkforceStatus.DELETING);
            assertThatThrownBy(() -> status(sageMaker, "wf")).hasMessageContaining("No workforce");
        }

        @Test
        void codeThatNeverWaitsIsRefusedAsOnAws() {
            sageMaker.createWorkforce(cognitoWorkforce("wf"));

            assertThatThrownBy(() -> sageMaker.updateWorkforce(r -> r.workforceName("wf")
                    .sourceIpConfig(s -> s.cidrs("10.0.0.0/8"))))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("Workforce wf is Initializing")
                    .hasMessageContaining("Wait until DescribeWorkforce shows Active");
        }

        @Test
        void aListingThatReturnsTheWorkforceIsARead() {
            sageMaker.createWorkforce(cognitoWorkforce("wf"));

            assertThat(sageMaker.listWorkforces(r -> r.nameContains("other")).workforces()).isEmpty();
            assertThat(sageMaker.listWorkforces(r -> { }).workforces().get(0).status())
                    .isEqualTo(WorkforceStatus.INITIALIZING);
            assertThat(sageMaker.listWorkforces(r -> { }).workforces().get(0).status())
                    .isEqualTo(WorkforceStatus.ACTIVE);
        }

        @Test
        void snapshotsAndOtherOperationsDoNotCountAsReads() {
            sageMaker.createWorkforce(cognitoWorkforce("wf"));
            sageMaker.createWorkteam(cognitoTeam("t")); // teams may join an Initializing workforce (decision)
            sageMaker.describeWorkteam(r -> r.workteamName("t"));

            assertThat(fake.state().workforce().orElseThrow().status()).isEqualTo("Initializing");
            assertThat(fake.state().workforce().orElseThrow().status()).isEqualTo("Initializing");
            assertThat(status(sageMaker, "wf")).isEqualTo(WorkforceStatus.INITIALIZING);
            assertThat(fake.state().workforce().orElseThrow().status()).isEqualTo("Active");
        }

        @Test
        void deletingAgainWhileDeletingChangesNothing() {
            createActive(sageMaker, cognitoWorkforce("wf"));
            sageMaker.deleteWorkforce(r -> r.workforceName("wf"));
            sageMaker.deleteWorkforce(r -> r.workforceName("wf"));

            assertThatThrownBy(() -> sageMaker.updateWorkforce(r -> r.workforceName("wf")))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("Deleting");
            assertThat(status(sageMaker, "wf")).isEqualTo(WorkforceStatus.DELETING);
            assertThatThrownBy(() -> status(sageMaker, "wf")).hasMessageContaining("No workforce");
        }

        @Test
        void theSameRulesHoldForTheAsyncClient() {
            SageMakerAsyncClient async = fake.asyncClient();
            async.createWorkforce(cognitoWorkforce("wf")).join();

            assertThatThrownBy(() -> async.updateWorkforce(r -> r.workforceName("wf")).join())
                    .isInstanceOf(CompletionException.class).hasCauseInstanceOf(ConflictException.class);
            assertThat(async.describeWorkforce(r -> r.workforceName("wf")).join().workforce().status())
                    .isEqualTo(WorkforceStatus.INITIALIZING);
            assertThat(async.describeWorkforce(r -> r.workforceName("wf")).join().workforce().status())
                    .isEqualTo(WorkforceStatus.ACTIVE);
        }

        @Test
        void seededWorkforcesStartActive() {
            fake.seed("""
                    {"Workforce": {"WorkforceName": "seeded",
                                   "CognitoConfig": {"UserPool": "us-east-1_AbCdEf123", "ClientId": "app-client-1"}}}
                    """);
            assertThat(status(sageMaker, "seeded")).isEqualTo(WorkforceStatus.ACTIVE);
        }
    }

    @Test
    void observedTwiceShowsTheTransitionalStatusToTwoReads() {
        SageMakerClient sageMaker = fake(Lifecycle.observed(2)).client();
        sageMaker.createWorkforce(cognitoWorkforce("wf"));

        assertThat(status(sageMaker, "wf")).isEqualTo(WorkforceStatus.INITIALIZING);
        assertThat(status(sageMaker, "wf")).isEqualTo(WorkforceStatus.INITIALIZING);
        assertThat(status(sageMaker, "wf")).isEqualTo(WorkforceStatus.ACTIVE);
    }

    @Test
    void immediateSettlesEveryChangeAtOnce() {
        SageMakerWorkforceFake fake = fake(Lifecycle.immediate());
        SageMakerClient sageMaker = fake.client();
        sageMaker.createWorkforce(cognitoWorkforce("wf"));

        Workforce updated = sageMaker.updateWorkforce(r -> r.workforceName("wf")
                .sourceIpConfig(s -> s.cidrs("10.0.0.0/8"))).workforce();
        assertThat(updated.status()).isEqualTo(WorkforceStatus.ACTIVE);
        sageMaker.deleteWorkforce(r -> r.workforceName("wf"));
        assertThat(fake.state().workforce()).isEmpty();
    }

    @Test
    void timedSettlesOnTheFakeClockWhateverTheReads() {
        FakeClock clock = FakeClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
        SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder()
                .lifecycle(Lifecycle.parse("TIMED(PT5M)")).clock(clock).build();
        fakes.add(fake);
        SageMakerClient sageMaker = fake.client();
        sageMaker.createWorkforce(cognitoWorkforce("wf"));

        for (int i = 0; i < 3; i++) {
            assertThat(status(sageMaker, "wf")).isEqualTo(WorkforceStatus.INITIALIZING);
        }
        clock.advance(Duration.ofMinutes(5));
        assertThat(status(sageMaker, "wf")).isEqualTo(WorkforceStatus.ACTIVE);
    }

    @Test
    @SuppressWarnings("deprecation")
    void theRoundOneProvisioningDelayIsAnAliasOfTimedOrImmediate() {
        assertThat(SageMakerWorkforceFake.builder().provisioningDelay(Duration.ofSeconds(30)).build().settings()
                .lifecycle()).isEqualTo(Lifecycle.timed(Duration.ofSeconds(30)));
        assertThat(SageMakerWorkforceFake.builder().provisioningDelay(Duration.ZERO).build().settings().lifecycle())
                .isEqualTo(Lifecycle.immediate());
        assertThat(FakeSettings.defaults().withLifecycle(Lifecycle.timed(Duration.ofMinutes(2))).provisioningDelay())
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Nested
    class TheImplicitDefaultWorkforce {

        private final SageMakerWorkforceFake fake = fake(Lifecycle.immediate());
        private final SageMakerClient sageMaker = fake.client();

        @Test
        void goesAwayWithItsLastTeam() {
            sageMaker.createWorkteam(cognitoTeam("a"));
            sageMaker.createWorkteam(cognitoTeam("b"));

            sageMaker.deleteWorkteam(r -> r.workteamName("a"));
            assertThat(fake.state().workforce()).isPresent();
            sageMaker.deleteWorkteam(r -> r.workteamName("b"));

            assertThat(fake.state().workforce()).isEmpty();
            assertThatThrownBy(() -> status(sageMaker, "default")).hasMessageContaining("No workforce");
            // The next Cognito team sets a workforce up again, from its own user pool.
            sageMaker.createWorkteam(cognitoTeam("c"));
            assertThat(fake.state().workforce().orElseThrow().name()).isEqualTo("default");
        }

        @Test
        void anExplicitlyCreatedWorkforceStaysUntilDeleteWorkforce() {
            sageMaker.createWorkforce(cognitoWorkforce("default"));
            sageMaker.createWorkteam(cognitoTeam("a"));
            sageMaker.deleteWorkteam(r -> r.workteamName("a"));

            assertThat(status(sageMaker, "default")).isEqualTo(WorkforceStatus.ACTIVE);
        }
    }

    @Nested
    class LastUpdatedDateAndVpcEndpoint {

        private final FakeClock clock = FakeClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
        private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder().clock(clock).build();
        private final SageMakerClient sageMaker = fake.client();

        @AfterEach
        void close() {
            fake.close();
        }

        @Test
        void lastUpdatedDateMovesOnlyWhenAnUpdateSetsSourceIpConfig() {
            createActive(sageMaker, cognitoWorkforce("wf"));
            clock.advance(Duration.ofMinutes(1));
            sageMaker.updateWorkforce(r -> r.workforceName("wf")
                    .workforceVpcConfig(v -> v.vpcId("vpc-0abc").securityGroupIds("sg-0abc").subnets("subnet-0abc")));
            Workforce afterVpcUpdate = awaitSettled(sageMaker, "wf");
            assertThat(afterVpcUpdate.lastUpdatedDate()).isEqualTo(afterVpcUpdate.createDate());

            clock.advance(Duration.ofMinutes(1));
            sageMaker.updateWorkforce(r -> r.workforceName("wf").sourceIpConfig(s -> s.cidrs("10.0.0.0/8")));
            assertThat(awaitSettled(sageMaker, "wf").lastUpdatedDate())
                    .isEqualTo(Instant.parse("2026-01-01T00:02:00Z"));
        }

        @Test
        void theVpcEndpointIdAppearsWhenAVpcWorkforceBecomesActive() {
            sageMaker.createWorkforce(cognitoWorkforce("wf").toBuilder()
                    .workforceVpcConfig(v -> v.vpcId("vpc-0abc").securityGroupIds("sg-0abc").subnets("subnet-0abc"))
                    .build());

            Workforce initializing = sageMaker.describeWorkforce(r -> r.workforceName("wf")).workforce();
            assertThat(initializing.status()).isEqualTo(WorkforceStatus.INITIALIZING);
            assertThat(initializing.workforceVpcConfig().vpcId()).isEqualTo("vpc-0abc");
            assertThat(initializing.workforceVpcConfig().vpcEndpointId()).isNull();

            String endpoint = awaitSettled(sageMaker, "wf").workforceVpcConfig().vpcEndpointId();
            assertThat(endpoint).matches("vpce-[0-9a-z]{17}");

            // A CIDR-only update keeps the endpoint, hidden while Updating as in the guide's examples.
            sageMaker.updateWorkforce(r -> r.workforceName("wf").sourceIpConfig(s -> s.cidrs("10.0.0.0/8")));
            assertThat(sageMaker.describeWorkforce(r -> r.workforceName("wf")).workforce().workforceVpcConfig()
                    .vpcEndpointId()).isNull();
            assertThat(awaitSettled(sageMaker, "wf").workforceVpcConfig().vpcEndpointId()).isEqualTo(endpoint);

            // A new VPC configuration gets a new endpoint.
            sageMaker.updateWorkforce(r -> r.workforceName("wf")
                    .workforceVpcConfig(v -> v.vpcId("vpc-0def").securityGroupIds("sg-0def").subnets("subnet-0def")));
            assertThat(awaitSettled(sageMaker, "wf").workforceVpcConfig().vpcEndpointId())
                    .matches("vpce-[0-9a-z]{17}").isNotEqualTo(endpoint);
        }
    }

    @Nested
    class FailedProvisioning {

        private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
        private final SageMakerClient sageMaker = fake.client();

        @AfterEach
        void close() {
            fake.close();
        }

        @Test
        void aFaultRuleMakesTheNextCreateEndFailedWithTheReason() {
            fake.addFault(FaultRule.forOperation("CreateWorkforce").once()
                    .failProvisioning("The subnet subnet-0abc has no free IP address."));
            sageMaker.createWorkforce(cognitoWorkforce("wf").toBuilder()
                    .workforceVpcConfig(v -> v.vpcId("vpc-0abc").securityGroupIds("sg-0abc").subnets("subnet-0abc"))
                    .build());

            Workforce first = sageMaker.describeWorkforce(r -> r.workforceName("wf")).workforce();
            assertThat(first.status()).isEqualTo(WorkforceStatus.INITIALIZING);
            assertThat(first.failureReason()).isNull();
            Workforce failed = sageMaker.describeWorkforce(r -> r.workforceName("wf")).workforce();
            assertThat(failed.status()).isEqualTo(WorkforceStatus.FAILED);
            assertThat(failed.failureReason()).isEqualTo("The subnet subnet-0abc has no free IP address.");
            assertThat(failed.workforceVpcConfig().vpcEndpointId()).as("a failed workforce has no endpoint").isNull();
            assertThat(fake.journal().get(0).fault()).contains("ends Failed");
        }

        @Test
        void aFailedWorkforceCanBeUpdatedBackToActiveOrDeleted() {
            fake.addFault(FaultRule.forOperation("CreateWorkforce").failProvisioning("No capacity."));
            sageMaker.createWorkforce(cognitoWorkforce("wf"));
            assertThat(awaitSettled(sageMaker, "wf").status()).isEqualTo(WorkforceStatus.FAILED);

            sageMaker.updateWorkforce(r -> r.workforceName("wf").sourceIpConfig(s -> s.cidrs("10.0.0.0/8")));
            Workforce active = awaitSettled(sageMaker, "wf");
            assertThat(active.status()).isEqualTo(WorkforceStatus.ACTIVE);
            assertThat(active.failureReason()).isNull();

            fake.addFault(FaultRule.forOperation("UpdateWorkforce").whenMember("WorkforceName", "wf").once()
                    .failProvisioning("The security group sg-0abc does not exist."));
            sageMaker.updateWorkforce(r -> r.workforceName("wf").sourceIpConfig(s -> s.cidrs("10.1.0.0/16")));
            assertThat(awaitSettled(sageMaker, "wf").failureReason()).isEqualTo("The security group sg-0abc does not exist.");

            sageMaker.deleteWorkforce(r -> r.workforceName("wf"));
            Requests.awaitDeleted(sageMaker, "wf");
        }

        @Test
        void theImplicitWorkforceOfACreateWorkteamCanFailToo() {
            fake.addFault(FaultRule.forOperation("CreateWorkteam").once().failProvisioning("Pool unavailable."));
            sageMaker.createWorkteam(cognitoTeam("t"));

            assertThat(awaitSettled(sageMaker, "default").failureReason()).isEqualTo("Pool unavailable.");
        }

        @Test
        void theAsyncClientSeesTheSameFailure() {
            SageMakerAsyncClient async = fake.asyncClient();
            fake.addFault(FaultRule.forOperation("CreateWorkforce").failProvisioning("No capacity."));
            async.createWorkforce(cognitoWorkforce("wf")).join();

            Workforce failed = awaitSettled(async, "wf");
            assertThat(failed.statusAsString()).isEqualTo("Failed");
            assertThat(failed.failureReason()).isEqualTo("No capacity.");
        }

        @Test
        void aProvisioningFailureRuleNeedsAnOperationThatProvisions() {
            assertThatThrownBy(() -> FaultRule.forOperation("DescribeWorkforce").failProvisioning("x"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("CreateWorkforce");
            assertThatThrownBy(() -> FaultRule.forAnyOperation().failProvisioning("x"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("any operation");
            assertThatThrownBy(() -> FaultRule.forOperation("CreateWorkforce").failProvisioning(""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 1024 characters");
            FaultRule rule = FaultRule.forOperation("UpdateWorkforce").failProvisioning("Reason.");
            assertThat(FaultRuleJson.fromJson(FaultRuleJson.toJson(rule)).describe()).isEqualTo(rule.describe());
        }

        @Test
        void aRefusedRequestFailsNothing() {
            fake.addFault(FaultRule.forOperation("CreateWorkforce").once().failProvisioning("No capacity."));
            assertThatThrownBy(() -> sageMaker.createWorkforce(r -> r.workforceName("wf")))
                    .isInstanceOf(SageMakerException.class);

            sageMaker.createWorkforce(cognitoWorkforce("wf"));
            assertThat(awaitSettled(sageMaker, "wf").status()).isEqualTo(WorkforceStatus.ACTIVE);
        }
    }

    @Nested
    class TextForms {

        @Test
        void parseReadsEveryForm() {
            assertThat(Lifecycle.parse("IMMEDIATE")).isEqualTo(Lifecycle.immediate());
            assertThat(Lifecycle.parse("immediate")).isEqualTo(Lifecycle.immediate());
            assertThat(Lifecycle.parse("OBSERVED(1)")).isEqualTo(Lifecycle.observed(1));
            assertThat(Lifecycle.parse("observed:3")).isEqualTo(Lifecycle.observed(3));
            assertThat(Lifecycle.parse(" OBSERVED( 2 ) ")).isEqualTo(Lifecycle.observed(2));
            assertThat(Lifecycle.parse("TIMED(PT5M)")).isEqualTo(Lifecycle.timed(Duration.ofMinutes(5)));
            assertThat(Lifecycle.parse("timed:pt0.5s")).isEqualTo(Lifecycle.timed(Duration.ofMillis(500)));
            assertThat(Lifecycle.parse("TIMED(5000)")).isEqualTo(Lifecycle.timed(Duration.ofSeconds(5)));
            for (Lifecycle l : List.of(Lifecycle.immediate(), Lifecycle.observed(4), Lifecycle.timed(Duration.ofHours(1)))) {
                assertThat(Lifecycle.parse(l.toString())).isEqualTo(l);
            }
        }

        @Test
        void badInputGetsAMessageListingTheForms() {
            for (String bad : List.of("", "SOMETIMES", "OBSERVED", "OBSERVED(0)", "OBSERVED(x)", "OBSERVED(-1)",
                    "TIMED", "TIMED(5 minutes)", "TIMED(PT0S)", "IMMEDIATE(1)", "OBSERVED(1")) {
                assertThatThrownBy(() -> Lifecycle.parse(bad)).as(bad)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("A lifecycle is IMMEDIATE, OBSERVED(n)");
            }
            assertThatThrownBy(() -> Lifecycle.parse("TIMED(5 minutes)")).hasMessageContaining("PT5M");
            assertThatThrownBy(() -> Lifecycle.observed(0)).hasMessageContaining("use IMMEDIATE");
        }
    }
}
