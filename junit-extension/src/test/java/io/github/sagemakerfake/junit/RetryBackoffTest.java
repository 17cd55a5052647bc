package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.RetryBackoff;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * Injected clients keep the SDK's own retry strategy (its attempts and conditions) but wait no
 * real time between attempts; {@code retryBackoff = SDK_DEFAULT} gives the SDK's backoff back.
 * Asserted on the configuration and the journal's attempt count, never on elapsed time.
 */
class RetryBackoffTest {

    @Test
    void aThrottledCallIsAttemptedAsOftenAsTheSdkDefaultSaysWithoutWaiting() {
        TestKit.assertAllPassed(TestKit.run(Throttled.class), 3);
    }

    @Test
    void sdkDefaultRestoresTheSdksBackoff() {
        TestKit.assertAllPassed(TestKit.run(RealBackoff.class), 1);
        TestKit.assertAllPassed(TestKit.run(Map.of(FakeConfiguration.RETRY_BACKOFF_KEY, "sdk_default"),
                RealBackoffByConfiguration.class), 1);
    }

    /** The maximum attempts of a client built the SDK's way, with nothing of ours: the faithful figure. */
    static int sdkDefaultAttempts() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
             SageMakerClient plain = SageMakerClient.builder().httpClient(fake.httpClient())
                     .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                     .credentialsProvider(SageMakerWorkforceFake.credentialsFor(fake.defaultAccount())).build()) {
            return strategy(plain).maxAttempts();
        }
    }

    static RetryStrategy strategy(SdkClient client) {
        return client.serviceClientConfiguration().overrideConfiguration().retryStrategy().orElseThrow();
    }

    /**
     * The longest of ten delays the strategy asks for before a second attempt after a throttling
     * error (the SDK's backoff has jitter, so one draw may be near zero; ten never all are).
     */
    static Duration delayAfterThrottling(SdkClient client) {
        Duration longest = Duration.ZERO;
        for (int i = 0; i < 10; i++) {
            Duration delay = oneDelayAfterThrottling(strategy(client));
            longest = delay.compareTo(longest) > 0 ? delay : longest;
        }
        return longest;
    }

    private static Duration oneDelayAfterThrottling(RetryStrategy strategy) {
        RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("test")).token();
        SageMakerException throttled = (SageMakerException) SageMakerException.builder().statusCode(400)
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("ThrottlingException").errorMessage("Rate exceeded").build())
                .build();
        return strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(throttled).build())
                .delay();
    }

    static long attemptsInJournal(FakeControl fake, String operation) {
        return fake.journal().stream().map(JournalEntry::operation).filter(operation::equals).count();
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class Throttled {
        @Test
        void syncClient(SageMakerClient client, FakeControl fake) {
            int attempts = sdkDefaultAttempts();
            assertThat(strategy(client).maxAttempts()).isEqualTo(attempts);
            assertThat(delayAfterThrottling(client)).isZero();

            fake.addFault(FaultRule.forOperation("ListWorkteams").times(attempts).throttle());
            assertThatThrownBy(client::listWorkteams).isInstanceOf(SageMakerException.class)
                    .hasMessageContaining("Rate exceeded");
            assertThat(attemptsInJournal(fake, "ListWorkteams")).isEqualTo(attempts);
        }

        @Test
        void aRetriedCallSucceedsOnceTheFaultIsUsedUp(SageMakerClient client, FakeControl fake) {
            int attempts = sdkDefaultAttempts();
            fake.addFault(FaultRule.forOperation("ListWorkteams").times(attempts - 1).throttle());
            assertThat(client.listWorkteams().workteams()).isEmpty();
            assertThat(attemptsInJournal(fake, "ListWorkteams")).isEqualTo(attempts);
        }

        @Test
        void asyncClientAndTheRuntimesBuilder(SageMakerAsyncClient async, SageMakerFakeRuntime runtime, FakeControl fake) {
            int attempts = sdkDefaultAttempts();
            assertThat(delayAfterThrottling(async)).isZero();
            try (SageMakerClient own = runtime.clientBuilder().build()) {
                assertThat(delayAfterThrottling(own)).isZero();
                assertThat(strategy(own).maxAttempts()).isEqualTo(attempts);
            }
            fake.addFault(FaultRule.forOperation("ListWorkteams").times(attempts).throttle());
            assertThatThrownBy(() -> async.listWorkteams().join()).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(SageMakerException.class);
            assertThat(attemptsInJournal(fake, "ListWorkteams")).isEqualTo(attempts);
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(retryBackoff = RetryBackoff.SDK_DEFAULT, transport = Transport.HTTP)
    static class RealBackoff {
        @Test
        void waitsAsTheSdkDoes(SageMakerClient client) {
            assertThat(delayAfterThrottling(client)).isPositive();
            assertThat(strategy(client).maxAttempts()).isEqualTo(sdkDefaultAttempts());
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class RealBackoffByConfiguration {
        @Test
        void waitsAsTheSdkDoes(SageMakerClient client) {
            assertThat(delayAfterThrottling(client)).isPositive();
        }
    }
}
