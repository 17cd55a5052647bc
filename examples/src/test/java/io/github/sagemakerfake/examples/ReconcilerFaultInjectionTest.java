package io.github.sagemakerfake.examples;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatSageMakerCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.examples.ReconcileReport.Problem;
import io.github.sagemakerfake.junit.SageMakerFakeRuntime;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The paths that only run when SageMaker misbehaves, made to run on purpose with fault rules:
 * throttling (the SDK's retries, then the reconciler's own) and lost responses (a change that took
 * effect although the caller saw an error).
 */
@SageMakerWorkforceTest
@ExtendWith(MockitoExtension.class)
class ReconcilerFaultInjectionTest {

    static final DesiredState LABELERS_AND_REVIEWERS = WorkteamReconcilerTest.LABELERS_AND_REVIEWERS;

    @Mock
    Notifier notifier;

    FakeControl fake;
    SageMakerClient sageMaker;
    /** The reconciler's pauses, recorded instead of slept. */
    final List<Duration> pauses = new ArrayList<>();
    WorkteamReconciler reconciler;

    @BeforeEach
    void setUp(SageMakerFakeRuntime runtime) {
        fake = runtime.control();
        // The client the application would build, with the SDK's standard retry strategy (3 attempts),
        // minus the backoff: the SDK's pauses only cost a test time. The retries themselves are real.
        sageMaker = runtime.clientBuilder()
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(3)
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                        .build()))
                .build();
        reconciler = new WorkteamReconciler(sageMaker, notifier,
                new ThrottlingRetry(3, Duration.ofSeconds(2), Duration.ofSeconds(30), pauses::add));
    }

    @AfterEach
    void closeClient() {
        sageMaker.close();   // built here, so closed here; the injected ones close with the fake
    }

    // ------------------------------------------------------------------ throttling

    @Test
    void theSdkRetriesAShortBurstOfThrottling() {
        fake.addFault(FaultRule.forOperation("CreateWorkteam").times(2).throttle());

        ReconcileReport report = reconciler.reconcile(LABELERS_AND_REVIEWERS);

        assertThat(report.isConverged()).isTrue();
        assertThat(errorCodesOf("CreateWorkteam")).containsExactly("ThrottlingException", "ThrottlingException", null, null);
        assertThat(pauses).as("the reconciler's own retry was not needed").isEmpty();
    }

    @Test
    void theReconcilerRetriesWhenTheSdkGivesUp() {
        // 3 SDK attempts throttled, a pause, then the 4th attempt throttled and the 5th through.
        fake.addFault(FaultRule.forOperation("CreateWorkteam").forWorkteam("labelers").times(4).throttle());

        ReconcileReport report = reconciler.reconcile(LABELERS_AND_REVIEWERS);

        assertThat(report.isConverged()).isTrue();
        assertThat(report.created()).containsExactly("labelers", "reviewers");
        assertThat(pauses).singleElement().satisfies(pause ->
                assertThat(pause).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThat(fake.journal()).filteredOn(e -> e.operation().equals("CreateWorkteam"))
                .filteredOn(e -> "labelers".equals(e.request().get("WorkteamName")))
                .extracting(JournalEntry::errorCode)
                .containsExactly("ThrottlingException", "ThrottlingException", "ThrottlingException",
                        "ThrottlingException", null);
    }

    @Test
    void givesUpOnATeamAfterABoundedNumberOfAttemptsAndCarriesOn() {
        fake.addFault(FaultRule.forOperation("CreateWorkteam").forWorkteam("labelers").throttle());   // every time

        ReconcileReport report = reconciler.reconcile(LABELERS_AND_REVIEWERS);

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.FAILED);
            assertThat(problem.teams()).containsExactly("labelers");
            assertThat(problem.message()).isEqualTo("still throttled after every retry: ThrottlingException: Rate exceeded");
        });
        assertThat(report.created()).containsExactly("reviewers");
        assertThat(pauses).hasSize(2);                       // 3 attempts of the reconciler ...
        assertThat(errorCodesOf("CreateWorkteam")).hasSize(3 * 3 + 1);   // ... of 3 SDK attempts each, then reviewers
    }

    @Test
    void aRunThatCannotListTheTeamsFailsWithTheServicesError() {
        fake.addFault(FaultRule.forOperation("ListWorkteams").throttle());

        assertThatSageMakerCall(() -> reconciler.reconcile(LABELERS_AND_REVIEWERS))
                .isThrottling()
                .hasErrorMessage("Rate exceeded");
        assertThat(pauses).hasSize(2);
    }

    // ------------------------------------------------------------------ lost responses

    static Stream<Arguments> lostResponses() {
        return Stream.of(
                Arguments.of("InternalFailure (500)", FaultRule.forOperation("CreateWorkteam").once().afterStateChange().internalFailure()),
                Arguments.of("ServiceUnavailable (503)", FaultRule.forOperation("CreateWorkteam").once().afterStateChange().serviceUnavailable()),
                Arguments.of("a reset connection", FaultRule.forOperation("CreateWorkteam").once().afterStateChange().resetConnection()));
    }

    @ParameterizedTest(name = "the response to CreateWorkteam lost as {0}")
    @MethodSource("lostResponses")
    void aCreateWhoseResponseWasLostStillConverges(String what, FaultRule lostResponse) {
        fake.addFault(lostResponse);

        ReconcileReport report = reconciler.reconcile(LABELERS_AND_REVIEWERS);

        // The team was made; the SDK retried the create and was told ResourceInUse: "already there".
        assertThat(errorCodesOf("CreateWorkteam").get(1)).isEqualTo("ResourceInUse");
        assertThat(report.isConverged()).as(report.summary()).isTrue();
        assertThat(report.created()).containsExactly("labelers", "reviewers");
        assertThat(fake).hasOnlyWorkteamsNamed("labelers", "reviewers");
        assertThat(fake).hasWorkteam("labelers").hasTag("managed-by", "reconciler");
        verify(notifier).teamCreated("labelers");   // once, not twice, and no error
        verify(notifier).teamCreated("reviewers");
        verifyNoMoreInteractions(notifier);
    }

    @Test
    void aDeleteWhoseResponseWasLostStillConverges() {
        reconciler.reconcile(LABELERS_AND_REVIEWERS);
        fake.addFault(FaultRule.forOperation("DeleteWorkteam").forWorkteam("reviewers").once().afterStateChange()
                .internalFailure());

        ReconcileReport report = reconciler.reconcile(WorkteamReconcilerTest.teams(0));

        // DeleteWorkteam is not idempotent: the SDK's retry hears that the team does not exist.
        assertThat(fake.journal()).filteredOn(e -> e.operation().equals("DeleteWorkteam"))
                .filteredOn(e -> "reviewers".equals(e.request().get("WorkteamName")))
                .extracting(JournalEntry::errorCode).containsExactly("InternalFailure", "ValidationException");
        assertThat(report.isConverged()).as(report.summary()).isTrue();
        assertThat(report.deleted()).containsExactly("labelers", "reviewers");
        assertThat(fake).hasNoWorkteams();
    }

    private List<String> errorCodesOf(String operation) {
        return fake.journal().stream().filter(e -> e.operation().equals(operation)).map(JournalEntry::errorCode).toList();
    }
}
