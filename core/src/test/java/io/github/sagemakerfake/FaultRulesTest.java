package io.github.sagemakerfake;

import static io.github.sagemakerfake.Requests.cognitoTeam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** Fault rules in process: the SDK's own retries, lost responses, latency on the fake clock. */
class FaultRulesTest {

    private final FakeClock clock = FakeClock.startingAt(Instant.parse("2026-03-01T00:00:00Z"));
    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder().clock(clock).build();

    @AfterEach
    void close() {
        fake.close();
    }

    private List<JournalEntry> calls(String operation) {
        return fake.journal().stream().filter(e -> e.operation().equals(operation)).toList();
    }

    @Test
    void theSdkRetriesThrottlingAndTheJournalCountsTheAttempts() {
        SageMakerClient client = fake.clientBuilder()
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)).build();
        fake.addFault(FaultRule.forOperation("CreateWorkteam").times(2).throttle());

        client.createWorkteam(cognitoTeam("t"));

        assertThat(calls("CreateWorkteam")).extracting(JournalEntry::errorCode)
                .containsExactly("ThrottlingException", "ThrottlingException", null);
        assertThat(calls("CreateWorkteam").get(0).fault()).contains("error ThrottlingException");
        assertThat(fake.faults()).singleElement().satisfies(r -> assertThat(r.firedCount()).isEqualTo(2));
        client.close();
    }

    @Test
    void throttlingBeyondTheRetryBudgetReachesTheCaller() {
        SageMakerClient client = fake.clientBuilder()
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)).build();
        fake.addFault(FaultRule.forOperation("DescribeWorkteam").throttle());

        assertThatThrownBy(() -> client.describeWorkteam(r -> r.workteamName("t")))
                .isInstanceOf(SageMakerException.class)
                .satisfies(e -> assertThat(((SageMakerException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ThrottlingException"))
                .hasMessageContaining("Rate exceeded");
        assertThat(calls("DescribeWorkteam")).hasSize(3); // STANDARD mode: three attempts
        client.close();
    }

    @Test
    void aFaultBeforeTheStateChangeLeavesNothingBehind() {
        fake.addFault(FaultRule.forOperation("CreateWorkteam").once().serviceUnavailable());
        SageMakerClient noRetries = fake.clientBuilder().overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .build();

        assertThatThrownBy(() -> noRetries.createWorkteam(cognitoTeam("t")))
                .isInstanceOf(SageMakerException.class)
                .satisfies(e -> assertThat(((SageMakerException) e).statusCode()).isEqualTo(503));
        assertThat(fake.state().workteams()).isEmpty();
        noRetries.close();
    }

    @Test
    void aLostResponseExposesANonIdempotentCreate() {
        // The change happens, then the response is lost: the SDK retries the same create.
        fake.addFault(FaultRule.forOperation("CreateWorkteam").once().afterStateChange().internalFailure());
        SageMakerClient client = fake.client();

        assertThatThrownBy(() -> client.createWorkteam(cognitoTeam("t"))).isInstanceOf(ResourceInUseException.class);
        assertThat(fake.state().workteamNames()).containsExactly("t");
        assertThat(calls("CreateWorkteam")).extracting(JournalEntry::errorCode)
                .containsExactly("InternalFailure", "ResourceInUse");
    }

    @Test
    void connectionFaultsSurfaceAsTheSdksClientException() {
        fake.addFault(FaultRule.forOperation("ListWorkteams").resetConnection());
        fake.addFault(FaultRule.forOperation("DescribeWorkteam").emptyResponse());
        fake.addFault(FaultRule.forOperation("ListWorkforces").malformedResponse());
        SageMakerClient client = fake.clientBuilder().overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .build();

        assertThatThrownBy(client::listWorkteams).isInstanceOf(SdkClientException.class)
                .hasRootCauseInstanceOf(java.net.SocketException.class);
        assertThatThrownBy(() -> client.describeWorkteam(r -> r.workteamName("t")))
                .isInstanceOf(SdkClientException.class);
        assertThatThrownBy(() -> client.listWorkforces(r -> { })).isInstanceOf(SdkClientException.class);
        client.close();
    }

    @Test
    void latencyIsObservedThroughTheFakeClockWithoutWaiting() {
        fake.addFault(FaultRule.forOperation("ListWorkteams").withLatency(Duration.ofSeconds(3)).latencyOnly());
        Instant before = fake.now();

        fake.client().listWorkteams();

        assertThat(Duration.between(before, fake.now())).isEqualTo(Duration.ofSeconds(3));
        assertThat(fake.journal()).last().satisfies(e -> assertThat(e.fault()).contains("latency 3000 ms"));
    }

    @Test
    void rulesMatchOnATeamNameOrAPredicate() {
        fake.addFault(FaultRule.forOperation("CreateWorkteam").forWorkteam("blocked")
                .error("ResourceLimitExceeded", 400, "custom limit text"));
        fake.addFault(FaultRule.forAnyOperation().when(r -> "veto".equals(r.get("Description"))).throttle());
        SageMakerClient client = fake.clientBuilder().overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .build();

        client.createWorkteam(cognitoTeam("allowed"));
        assertThatThrownBy(() -> client.createWorkteam(cognitoTeam("blocked")))
                .isInstanceOf(ResourceLimitExceededException.class).hasMessageContaining("custom limit text");
        assertThatThrownBy(() -> client.createWorkteam(cognitoTeam("other").toBuilder().description("veto").build()))
                .hasMessageContaining("Rate exceeded");
        client.close();
    }

    @Test
    void resetClearsTheRules() {
        fake.addFault(FaultRule.forAnyOperation().throttle());
        fake.reset();
        assertThat(fake.faults()).isEmpty();
        fake.client().listWorkteams();
    }

    @Test
    void unknownOperationsAndBadSettingsAreRefusedClearly() {
        assertThatThrownBy(() -> fake.addFault(FaultRule.forOperation("CreateTrainingJob").throttle()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CreateWorkteam");
        assertThatThrownBy(() -> FaultRule.forAnyOperation().probability(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultRule.forAnyOperation().latencyOnly()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aProbabilityOfOneHalfFiresSometimes() {
        fake.addFault(FaultRule.forOperation("ListWorkteams").probability(0.5).throttle());
        SageMakerClient client = fake.clientBuilder().overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .build();
        int failures = 0;
        for (int i = 0; i < 200; i++) {
            try {
                client.listWorkteams();
            } catch (SageMakerException e) {
                failures++;
            }
        }
        // 200 fair coin flips fall outside 40..160 with probability below 1e-17
        assertThat(failures).isBetween(40, 160);
        client.close();
    }
}
