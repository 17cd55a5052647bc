package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.admin.RemoteFakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultEffect;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.Lifecycle;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ConflictException;
import software.amazon.awssdk.services.sagemaker.model.Workforce;
import software.amazon.awssdk.services.sagemaker.model.WorkforceStatus;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/** The workforce lifecycle over the real wire, with the Java SDK's sync and async HTTP clients and the admin API. */
class LifecycleOverHttpTest {

    private SageMakerWorkforceServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private SageMakerWorkforceServer start(String... args) {
        server = SageMakerWorkforceServer.start(
                ServerConfig.parse(args, Map.of()).settings(), ServerOptions.defaults());
        return server;
    }

    private static WorkforceStatus status(SageMakerClient sageMaker) {
        return sageMaker.describeWorkforce(r -> r.workforceName("wf")).workforce().status();
    }

    private static void createWorkforce(SageMakerClient sageMaker) {
        sageMaker.createWorkforce(r -> r.workforceName("wf")
                .cognitoConfig(c -> c.userPool("us-east-1_abc123").clientId("c"))
                .workforceVpcConfig(v -> v.vpcId("vpc-0abc").securityGroupIds("sg-0abc").subnets("subnet-0abc")));
    }

    @Test
    void theDefaultShowsEachTransitionalStatusToOneRead() {
        start();
        try (SageMakerClient sageMaker = TestClients.urlConnection(server.endpoint())) {
            createWorkforce(sageMaker);
            assertThatThrownBy(() -> sageMaker.updateWorkforce(r -> r.workforceName("wf")))
                    .isInstanceOf(ConflictException.class);
            Workforce initializing = sageMaker.describeWorkforce(r -> r.workforceName("wf")).workforce();
            assertThat(initializing.status()).isEqualTo(WorkforceStatus.INITIALIZING);
            assertThat(initializing.workforceVpcConfig().vpcEndpointId()).isNull();
            Workforce active = sageMaker.describeWorkforce(r -> r.workforceName("wf")).workforce();
            assertThat(active.status()).isEqualTo(WorkforceStatus.ACTIVE);
            assertThat(active.workforceVpcConfig().vpcEndpointId()).matches("vpce-[0-9a-z]+");

            sageMaker.deleteWorkforce(r -> r.workforceName("wf"));
            assertThat(status(sageMaker)).isEqualTo(WorkforceStatus.DELETING);
            assertThatThrownBy(() -> status(sageMaker)).hasMessageContaining("No workforce");
        }
    }

    @Test
    void theLifecycleFlagChoosesImmediateOrTimed() {
        start("--lifecycle", "IMMEDIATE");
        try (SageMakerClient sageMaker = TestClients.urlConnection(server.endpoint())) {
            createWorkforce(sageMaker);
            assertThat(status(sageMaker)).isEqualTo(WorkforceStatus.ACTIVE);
        }
        server.close();

        start("--lifecycle", "TIMED(PT10M)");
        RemoteFakeControl control = RemoteFakeControl.connect(server.endpoint());
        try (SageMakerClient sageMaker = TestClients.urlConnection(server.endpoint())) {
            createWorkforce(sageMaker);
            assertThat(status(sageMaker)).isEqualTo(WorkforceStatus.INITIALIZING);
            assertThat(status(sageMaker)).isEqualTo(WorkforceStatus.INITIALIZING);
            control.advanceClock(Duration.ofMinutes(10));
            assertThat(status(sageMaker)).isEqualTo(WorkforceStatus.ACTIVE);
        }
    }

    @Test
    void aProvisioningFailureTravelsAsAFaultRuleThroughTheAdminApi() {
        start();
        RemoteFakeControl control = RemoteFakeControl.connect(server.endpoint());
        FaultRule added = control.addFault(FaultRule.forOperation("CreateWorkforce").once()
                .failProvisioning("The subnet subnet-0abc has no free IP address."));
        assertThat(added.effect()).isInstanceOf(FaultEffect.FailProvisioning.class);

        try (SageMakerAsyncClient sageMaker = TestClients.netty(server.endpoint())) {
            sageMaker.createWorkforce(r -> r.workforceName("wf")
                    .cognitoConfig(c -> c.userPool("us-east-1_abc123").clientId("c"))).join();
            assertThat(sageMaker.describeWorkforce(r -> r.workforceName("wf")).join().workforce().status())
                    .isEqualTo(WorkforceStatus.INITIALIZING);
            Workforce failed = sageMaker.describeWorkforce(r -> r.workforceName("wf")).join().workforce();
            assertThat(failed.status()).isEqualTo(WorkforceStatus.FAILED);
            assertThat(failed.failureReason()).isEqualTo("The subnet subnet-0abc has no free IP address.");
            assertThat(control.state().workforce().orElseThrow().status()).isEqualTo("Failed");
            assertThat(control.faults()).singleElement().satisfies(r -> assertThat(r.firedCount()).isOne());

            // A Failed workforce accepts an update (decision), which brings it back to Active.
            sageMaker.updateWorkforce(r -> r.workforceName("wf").sourceIpConfig(s -> s.cidrs("10.0.0.0/8"))).join();
            sageMaker.describeWorkforce(r -> r.workforceName("wf")).join();
            assertThat(sageMaker.describeWorkforce(r -> r.workforceName("wf")).join().workforce().status())
                    .isEqualTo(WorkforceStatus.ACTIVE);
        }
        TestClients.Raw refused = TestClients.send(server.endpoint(), "POST", "/_fake/faults",
                Map.of("Content-Type", "application/json"),
                "{\"Operation\":\"ListWorkteams\",\"Outcome\":\"PROVISIONING_FAILURE\",\"Message\":\"x\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("failProvisioning applies to an operation that provisions a workforce");
    }

    @Test
    void updateWorkteamWithoutNotificationRemovesTheTopicAndTheDefaultWorkforceGoesWithItsLastTeam() {
        start();
        try (SageMakerAsyncClient sageMaker = TestClients.netty(server.endpoint())) {
            sageMaker.createWorkteam(r -> r.workteamName("t").description("Labels")
                    .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123"))
                    .notificationConfiguration(n -> n.notificationTopicArn("arn:aws:sns:us-east-1:123456789012:t")))
                    .join();
            sageMaker.updateWorkteam(r -> r.workteamName("t")
                    .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123"))).join();
            Workteam team = sageMaker.describeWorkteam(r -> r.workteamName("t")).join().workteam();
            assertThat(team.notificationConfiguration()).isNotNull();
            assertThat(team.notificationConfiguration().notificationTopicArn()).isNull();
            assertThat(team.description()).isEqualTo("Labels");

            sageMaker.deleteWorkteam(r -> r.workteamName("t")).join();
            assertThatThrownBy(() -> sageMaker.describeWorkforce(r -> r.workforceName("default")).join())
                    .isInstanceOf(CompletionException.class).hasMessageContaining("No workforce");
        }
    }

    @Test
    void settingsDefaultToObservedOnce() {
        assertThat(FakeSettings.defaults().lifecycle()).isEqualTo(Lifecycle.observed(1));
    }
}
