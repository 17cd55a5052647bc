package io.github.sagemakerfake.benchmarks;

import io.github.sagemakerfake.internal.journal.Journal;
import io.github.sagemakerfake.internal.json.Json;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The journal's cost per request with and without the response body and latency the web console
 * shows, side by side in one JVM (interleaved rounds, CPU time of this thread, so other processes'
 * load does not count), and the one-time cost of the first read. docs/benchmarks.md quotes it:
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.sagemakerfake.benchmarks.JournalRecordCost}.
 */
public final class JournalRecordCost {

    private static final int CALLS = 200_000;
    private static final int KEPT = 10_000;

    private JournalRecordCost() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) {
        Map<String, Object> request = (Map<String, Object>) Json.parse("{\"WorkteamName\":\"labelers\"}");
        byte[] response = ("{\"Workteam\":{\"WorkteamName\":\"labelers\",\"MemberDefinitions\":[{\"CognitoMemberDefinition\":"
                + "{\"UserPool\":\"us-east-1_abc123\",\"UserGroup\":\"g\",\"ClientId\":\"c\"}}],\"WorkteamArn\":"
                + "\"arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/labelers\",\"WorkforceArn\":"
                + "\"arn:aws:sagemaker:us-east-1:123456789012:workforce/default\",\"ProductListingIds\":[],"
                + "\"Description\":\"Labelers of the vision team\",\"SubDomain\":\"abcdefghij.labeling.us-east-1.sagemaker.aws\","
                + "\"CreateDate\":1700000000.123,\"LastUpdatedDate\":1700000000.123,\"NotificationConfiguration\":"
                + "{\"NotificationTopicArn\":\"arn:aws:sns:us-east-1:123456789012:t\"}}}").getBytes(StandardCharsets.UTF_8);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Journal journal = new Journal(KEPT, 32L << 20);
        for (int round = 0; round < 7; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < CALLS; i++) {
                journal.record(Instant.EPOCH, "id", "DescribeWorkteam", "123456789012", "us-east-1", request, 200, null,
                        null, null);
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < CALLS; i++) {
                journal.record(Instant.EPOCH, "id", "DescribeWorkteam", "123456789012", "us-east-1", request, 200, null,
                        null, null, Duration.ofNanos(System.nanoTime() - t1), response);
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            journal.entries(); // the first read parses the kept responses once
            long t3 = cpu.getCurrentThreadCpuTime();
            journal.entries();
            long t4 = cpu.getCurrentThreadCpuTime();
            System.out.printf(Locale.ROOT, "round %d: record without response %d ns, with response and latency %d ns; "
                    + "first read %d ns per entry, next read %d ns per entry%n", round, (t1 - t0) / CALLS,
                    (t2 - t1) / CALLS, (t3 - t2) / KEPT, (t4 - t3) / KEPT);
        }
    }
}
