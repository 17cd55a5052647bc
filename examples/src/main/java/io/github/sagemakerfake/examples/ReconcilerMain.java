package io.github.sagemakerfake.examples;

import io.github.sagemakerfake.examples.DesiredState.InvalidDesiredStateException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The reconciler as a command: {@code ReconcilerMain teams.properties}.
 *
 * <p>The client is configured the way the SDK configures any client, with nothing of its own:
 * region, credentials and endpoint come from the environment, system properties or profile. So
 * {@code AWS_ENDPOINT_URL_SAGEMAKER} (or the system property {@code aws.endpointUrlSageMaker})
 * points it at another endpoint, such as the fake, without a code change.
 *
 * <p>Exit status: 0 when the teams are as desired, 1 when the report lists a problem (such as
 * the work-team limit), 2 for a usage or configuration error.
 */
public final class ReconcilerMain {

    private ReconcilerMain() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** {@link #main} without the exit, for tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: ReconcilerMain <desired-state.properties>");
            return 2;
        }
        DesiredState desired;
        try {
            desired = DesiredState.load(Path.of(args[0]));
        } catch (InvalidDesiredStateException | UncheckedIOException e) {
            err.println(e.getMessage());
            return 2;
        }
        try (SageMakerClient sageMaker = SageMakerClient.builder()
                // The SDK's standard retry strategy, with two attempts more than its default of 3:
                // throttling is retried with a longer backoff than other errors, behind a token bucket.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(5).build()))
                .build()) {
            ReconcileReport report = new WorkteamReconciler(sageMaker, new PrintingNotifier(out)).reconcile(desired);
            out.println(report.summary());
            return report.isConverged() ? 0 : 1;
        } catch (SdkException e) {
            err.println("Cannot list the work teams: " + e.getMessage());
            return 1;
        }
    }
}
