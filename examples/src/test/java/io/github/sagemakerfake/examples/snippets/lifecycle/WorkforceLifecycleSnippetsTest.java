package io.github.sagemakerfake.examples.snippets.lifecycle;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.Lifecycle;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ConflictException;
import software.amazon.awssdk.services.sagemaker.model.Workforce;
import software.amazon.awssdk.services.sagemaker.model.WorkforceStatus;

/** The snippets of docs/lifecycle.md, run against the fake they describe. */
class WorkforceLifecycleSnippetsTest {

    private final SageMakerWorkforceFake defaultFake = SageMakerWorkforceFake.create();

    @AfterEach
    void close() {
        defaultFake.close();
    }

    @Test
    void codeThatNeverWaits() {
        SageMakerClient sageMaker = defaultFake.client();

        sageMaker.createWorkforce(r -> r.workforceName("crowd")
                .cognitoConfig(c -> c.userPool("us-east-1_AbC123").clientId("app-client")));
        // Refused, as on AWS: the workforce is still Initializing.
        assertThatThrownBy(() -> sageMaker.updateWorkforce(r -> r.workforceName("crowd")
                .sourceIpConfig(s -> s.cidrs("10.0.0.0/16"))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void codeThatPolls() {
        SageMakerClient sageMaker = defaultFake.client();

        sageMaker.createWorkforce(r -> r.workforceName("crowd")
                .cognitoConfig(c -> c.userPool("us-east-1_AbC123").clientId("app-client")));
        Workforce workforce;
        do { // production code pauses between polls; against the fake the second read is Active
            workforce = sageMaker.describeWorkforce(r -> r.workforceName("crowd")).workforce();
        } while (workforce.status() == WorkforceStatus.INITIALIZING);
        sageMaker.updateWorkforce(r -> r.workforceName("crowd").sourceIpConfig(s -> s.cidrs("10.0.0.0/16")));
    }

    @Test
    void optingOut() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder()
                .lifecycle(Lifecycle.immediate())          // every change settles at once
                .build()) {
            SageMakerClient sageMaker = fake.client();
            sageMaker.createWorkforce(r -> r.workforceName("crowd")
                    .cognitoConfig(c -> c.userPool("us-east-1_AbC123").clientId("app-client")));
            assertThat(fake).hasWorkforce().isActive();
        }
    }

    @Test
    void timedOnTheFakeClock() {
        FakeClock clock = FakeClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder()
                .lifecycle(Lifecycle.timed(Duration.ofMinutes(6))).clock(clock).build()) {
            SageMakerClient sageMaker = fake.client();
            sageMaker.createWorkforce(r -> r.workforceName("crowd")
                    .cognitoConfig(c -> c.userPool("us-east-1_AbC123").clientId("app-client")));
            assertThat(fake).hasWorkforce().isInitializing();
            clock.advance(Duration.ofMinutes(6));
            assertThat(fake).hasWorkforce().isActive();
        }
    }

    @Test
    void aProvisioningThatFails() {
        SageMakerWorkforceFake fake = defaultFake;
        SageMakerClient sageMaker = fake.client();

        fake.addFault(FaultRule.forOperation("CreateWorkforce").once()
                .failProvisioning("The subnet subnet-0abc has no free IP address."));
        sageMaker.createWorkforce(r -> r.workforceName("crowd")
                .cognitoConfig(c -> c.userPool("us-east-1_AbC123").clientId("app-client")));
        sageMaker.describeWorkforce(r -> r.workforceName("crowd"));   // Initializing
        Workforce failed = sageMaker.describeWorkforce(r -> r.workforceName("crowd")).workforce();
        assertThat(failed.status()).isEqualTo(WorkforceStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("The subnet subnet-0abc has no free IP address.");
    }
}
