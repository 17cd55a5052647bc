package io.github.sagemakerfake.examples;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatJournal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.testcontainers.SageMakerWorkforceContainer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The reconciler against the fake running as a container, over the real awsJson1_1 wire: the
 * integration-test form, where the application, its SDK and its HTTP client run exactly as in
 * production. One container for the class (a static field), reset before each test.
 */
@RequiresDocker
@Testcontainers
class ReconcilerContainerIT {

    @Container
    static final SageMakerWorkforceContainer SAGEMAKER = new SageMakerWorkforceContainer();

    final FakeControl fake = SAGEMAKER.control();   // over the container's admin API
    final Notifier notifier = mock(Notifier.class);

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void reconcilesOverTheWire() {
        try (SageMakerClient sageMaker = SAGEMAKER.client()) {
            WorkteamReconciler reconciler = new WorkteamReconciler(sageMaker, notifier, noPauses());

            ReconcileReport first = reconciler.reconcile(WorkteamReconcilerTest.LABELERS_AND_REVIEWERS);
            ReconcileReport second = reconciler.reconcile(WorkteamReconcilerTest.teams(0));

            assertThat(first.created()).containsExactly("labelers", "reviewers");
            assertThat(second.deleted()).containsExactly("labelers", "reviewers");
        }
        // The workforce "default" that the first team made went away with the last team, as in SageMaker.
        assertThat(fake).hasNoWorkteams().hasNoWorkforce();
        assertThatJournal(fake).hasCalledInOrder("CreateWorkteam", "CreateWorkteam", "DeleteWorkteam", "DeleteWorkteam");
        verify(notifier).teamDeleted("reviewers");
    }

    @Test
    void faultRulesTravelThroughTheAdminApi() {
        fake.addFault(FaultRule.forOperation("CreateWorkteam").once().afterStateChange().serviceUnavailable());

        try (SageMakerClient sageMaker = SAGEMAKER.client()) {
            ReconcileReport report = new WorkteamReconciler(sageMaker, notifier, noPauses())
                    .reconcile(WorkteamReconcilerTest.LABELERS_AND_REVIEWERS);

            assertThat(report.isConverged()).as(report.summary()).isTrue();
        }
        assertThat(fake).hasOnlyWorkteamsNamed("labelers", "reviewers");
        assertThatJournal(fake).hasFailedCall("CreateWorkteam", "ServiceUnavailable")
                .hasFailedCall("CreateWorkteam", "ResourceInUse");
    }

    private static ThrottlingRetry noPauses() {
        return new ThrottlingRetry(3, Duration.ofSeconds(2), Duration.ofSeconds(30), pause -> { });
    }
}
