package io.github.sagemakerfake.spring.sample;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.WorkforceStatus;

/** The lifecycle setting per context: a timed one settles on the fake clock, the default after one read. */
class LifecycleTest {

    static void createWorkforce(SageMakerClient sageMaker) {
        sageMaker.createWorkforce(r -> r.workforceName("crowd")
                .cognitoConfig(c -> c.userPool("us-east-1_labeling").clientId("labeling-app")));
    }

    static WorkforceStatus status(SageMakerClient sageMaker) {
        return sageMaker.describeWorkforce(r -> r.workforceName("crowd")).workforce().status();
    }

    @Nested
    @SpringBootTest
    @EnableSageMakerWorkforceFake(lifecycle = "TIMED(PT10M)")
    class Timed {
        @Autowired
        SageMakerClient sageMaker;

        @Autowired
        FakeControl fake;

        @Test
        void theWorkforceIsActiveOnceTheClockHasMoved() {
            createWorkforce(sageMaker);
            assertThat(fake).hasWorkforceNamed("crowd").isInitializing();

            fake.advanceClock(Duration.ofMinutes(10));

            assertThat(fake).hasWorkforceNamed("crowd").isActive();
        }
    }

    @Nested
    @SpringBootTest
    @EnableSageMakerWorkforceFake
    class ByDefault {
        @Autowired
        SageMakerClient sageMaker;

        @Test
        void oneReadShowsInitializingTheNextActive() {
            createWorkforce(sageMaker);

            assertThat(status(sageMaker)).isEqualTo(WorkforceStatus.INITIALIZING);
            assertThat(status(sageMaker)).isEqualTo(WorkforceStatus.ACTIVE);
        }
    }
}
