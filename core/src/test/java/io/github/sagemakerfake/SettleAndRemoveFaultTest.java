package io.github.sagemakerfake;

import static io.github.sagemakerfake.Requests.cognitoTeam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.Lifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** The control surface's removeFault and settleTransitions, in process (the web console's buttons). */
class SettleAndRemoveFaultTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder().lifecycle(Lifecycle.observed(3)).build();
    private final SageMakerClient sageMaker = fake.client();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void removesOneRuleAndKeepsTheOthers() {
        FaultRule first = fake.addFault(FaultRule.forOperation("ListWorkteams").throttle());
        FaultRule second = fake.addFault(FaultRule.forOperation("ListWorkforces").throttle());

        fake.removeFault(first.id());

        assertThat(fake.faults()).extracting(FaultRule::id).containsExactly(second.id());
        sageMaker.listWorkteams(r -> { });
        assertThatThrownBy(() -> fake.removeFault(first.id())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No fault rule has the Id '" + first.id() + "'");
    }

    @Test
    void settlesATransitionAsItWouldEnd() {
        sageMaker.createWorkteam(cognitoTeam("labelers")); // creates the workforce "default": Initializing
        assertThat(fake.state().workforce().orElseThrow().status()).isEqualTo("Initializing");

        assertThat(fake.settleTransitions()).isEqualTo(1);

        assertThat(fake.state().workforce().orElseThrow().status()).isEqualTo("Active");
        assertThat(sageMaker.describeWorkforce(r -> r.workforceName("default")).workforce().statusAsString())
                .isEqualTo("Active");
        assertThat(fake.settleTransitions()).isZero();
    }

    @Test
    void aSettledProvisioningFaultEndsFailed() {
        fake.addFault(FaultRule.forOperation("CreateWorkforce").once().failProvisioning("No capacity"));
        sageMaker.createWorkforce(r -> r.workforceName("wf").cognitoConfig(c -> c.userPool("us-east-1_abc123")
                .clientId("c")));

        fake.settleTransitions();

        assertThat(fake.state().workforce().orElseThrow().status()).isEqualTo("Failed");
        assertThat(sageMaker.describeWorkforce(r -> r.workforceName("wf")).workforce().failureReason())
                .isEqualTo("No capacity");
    }
}
