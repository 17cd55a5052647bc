package io.github.sagemakerfake.benchmarks;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.server.SageMakerWorkforceServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;

/**
 * Benchmark 3 of docs/benchmarks.md: servers on loopback under 8 concurrent SDK clients (one Apache client with
 * one connection per thread, no retries), the fake's and moto's side by side.
 *
 * <ul>
 *   <li>{@code server=fake}: {@link SageMakerWorkforceServer} started in this JVM;
 *   <li>{@code server=fakeProcess}: the fake's standalone server as its own process (like moto);
 *   <li>{@code server=fakeNoDelay}, {@code fakeProcessNoDelay}: the same with
 *       {@code -Dsun.net.httpserver.nodelay=true}, the proposed fix for the JDK server's Nagle delay
 *       (docs/benchmarks.md);
 *   <li>{@code server=sdkFloor}: no server: the same 8 SDK clients over an HTTP client that returns
 *       pre-encoded responses, the ceiling that the SDK clients alone allow on this machine;
 *   <li>{@code server=moto}: {@code moto_server} as a subprocess. moto implements no workforce or
 *       work-team operation, so the comparable calls are {@code op=describe}: DescribeWorkteam on
 *       the fake vs DescribeModel on moto (a single-resource read), and {@code op=listTags}:
 *       ListTags on a work team's ARN vs on a model's ARN (the same operation on both).
 * </ul>
 *
 * <p>For servers that run as their own process (moto, {@code fakeProcess*}) the server's CPU time
 * per call over the measurement iterations is recorded too ({@code /proc/PID/stat}), so the two
 * servers can be compared independently of the clients' share of the two cores.
 *
 * <p>Bounded: time by the JMH iterations, count by {@link #MAX_CALLS_PER_THREAD} per trial. Every
 * failed call is counted (not thrown, so the run goes on) and written, with the successes, to
 * {@code loopback-calls.tsv} in {@code -Dbench.out}, which the report reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(8)
public class LoopbackServerBenchmark {

    static final long MAX_CALLS_PER_THREAD = 2_000_000;
    static final String MODEL = "bench-model";

    /** The JDK HTTP server's switch for TCP_NODELAY on accepted connections (off by default). */
    static final String NODELAY = "sun.net.httpserver.nodelay";

    @Param({"fake", "moto"})
    public String server;

    @Param({"describe", "listTags"})
    public String op;

    URI endpoint;
    CannedSdkHttpClient canned;
    private SageMakerWorkforceServer inProcess;
    private Subprocesses.Server process;
    private Function<SageMakerClient, Object> call;

    final LongAdder ok = new LongAdder();
    final LongAdder errors = new LongAdder();
    final AtomicReference<String> firstError = new AtomicReference<>();
    private long cpuAtIterationStart;
    private long callsAtIterationStart;
    private long serverCpuNanos;
    private long serverCalls;

    @Setup(Level.Trial)
    public void start() {
        switch (server) {
            case "fake", "fakeNoDelay" -> {
                if (server.equals("fakeNoDelay")) {
                    // Read once, when the JVM's first HttpServer is made: each trial has its own fork.
                    System.setProperty(NODELAY, "true");
                }
                inProcess = SageMakerWorkforceServer.start(FakeSettings.defaults());
                endpoint = inProcess.endpoint();
            }
            case "fakeProcess" -> {
                process = Subprocesses.startFakeServer(List.of());
                endpoint = process.endpoint;
            }
            case "fakeProcessNoDelay" -> {
                process = Subprocesses.startFakeServer(List.of("-D" + NODELAY + "=true"));
                endpoint = process.endpoint;
            }
            case "moto" -> {
                process = Subprocesses.startMoto();
                endpoint = process.endpoint;
            }
            case "sdkFloor" -> canned = cannedAnswers();
            default -> throw new IllegalArgumentException("unknown server " + server);
        }
        try (SageMakerClient admin = client()) {
            String arn;
            if ("moto".equals(server)) {
                arn = admin.createModel(r -> r.modelName(MODEL)
                        .executionRoleArn("arn:aws:iam::" + Fixtures.ACCOUNT + ":role/bench")
                        .primaryContainer(c -> c.image("123456789012.dkr.ecr.us-east-1.amazonaws.com/bench:1"))).modelArn();
                admin.addTags(r -> r.resourceArn(arn).tags(Fixtures.tag("team", MODEL), Fixtures.tag("env", "bench")));
            } else {
                arn = admin.createWorkteam(Fixtures.CREATE_TEAM).workteamArn();
            }
            ListTagsRequest listTags = ListTagsRequest.builder().resourceArn(arn).build();
            call = switch (op + "/" + ("moto".equals(server) ? "moto" : "fake")) {
                case "describe/fake" -> c -> c.describeWorkteam(Fixtures.DESCRIBE);
                case "describe/moto" -> c -> c.describeModel(r -> r.modelName(MODEL));
                case "listTags/fake", "listTags/moto" -> c -> c.listTags(listTags);
                default -> throw new IllegalArgumentException("unknown op " + op);
            };
            Object first = call.apply(admin); // fails the trial now rather than counting errors later
            if (first == null) {
                throw new IllegalStateException("no answer");
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** The fake's answers to CreateWorkteam, DescribeWorkteam and ListTags, for {@code server=sdkFloor}. */
    private static CannedSdkHttpClient cannedAnswers() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create()) {
            CannedSdkHttpClient.Recorder recorder = new CannedSdkHttpClient.Recorder(fake.httpClient());
            try (SageMakerClient recording = fake.clientBuilder().httpClient(recorder).build()) {
                String arn = recording.createWorkteam(Fixtures.CREATE_TEAM).workteamArn();
                recording.describeWorkteam(Fixtures.DESCRIBE);
                recording.listTags(r -> r.resourceArn(arn));
            }
            CannedSdkHttpClient canned = new CannedSdkHttpClient();
            recorder.bodies.forEach(canned::answer);
            return canned;
        }
    }

    /** A client like every benchmark thread's: over loopback HTTP, or over the canned answers. */
    SageMakerClient client() {
        if (canned == null) {
            return Fixtures.httpClient(endpoint);
        }
        return SageMakerClient.builder()
                .httpClient(canned)
                .region(Region.of(Fixtures.REGION))
                .credentialsProvider(SageMakerWorkforceFake.credentialsFor(Fixtures.ACCOUNT))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Setup(Level.Iteration)
    public void iterationStart() {
        if (process != null) {
            cpuAtIterationStart = Subprocesses.cpuNanos(process.process.toHandle());
            callsAtIterationStart = ok.sum() + errors.sum();
        }
    }

    @TearDown(Level.Iteration)
    public void iterationEnd(IterationParams iteration) {
        if (process != null && iteration.getType() == IterationType.MEASUREMENT) {
            serverCpuNanos += Subprocesses.cpuNanos(process.process.toHandle()) - cpuAtIterationStart;
            serverCalls += ok.sum() + errors.sum() - callsAtIterationStart;
        }
    }

    @TearDown(Level.Trial)
    public void stop(BenchmarkParams params) {
        stop();
        String serverCpu = serverCalls > 0 ? Long.toString(serverCpuNanos / serverCalls) : "-";
        String out = System.getProperty("bench.out");
        if (out != null) {
            String line = String.join("\t", server, op, params.getMode().shortLabel(), Long.toString(ok.sum()),
                    Long.toString(errors.sum()), firstError.get() == null ? "-" : firstError.get().replace('\t', ' ')
                            .replace('\n', ' '), serverCpu) + "\n";
            try {
                Path dir = Path.of(out);
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("loopback-calls.tsv"), line, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.out.println("[loopback] " + server + " " + op + " " + params.getMode().shortLabel() + ": " + ok.sum()
                + " calls, " + errors.sum() + " errors" + (firstError.get() == null ? "" : " (first: "
                + firstError.get() + ")") + ", server CPU per call " + serverCpu + " ns");
    }

    private void stop() {
        if (inProcess != null) {
            inProcess.close();
            inProcess = null;
        }
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /** One SDK client per benchmark thread, over its own connection. */
    @State(Scope.Thread)
    public static class Connection {
        SageMakerClient client;
        long calls;

        @Setup(Level.Trial)
        public void open(LoopbackServerBenchmark benchmark) {
            client = benchmark.client();
        }

        @TearDown(Level.Trial)
        public void close() {
            client.close();
        }
    }

    @Benchmark
    public Object call(Connection connection) {
        if (++connection.calls > MAX_CALLS_PER_THREAD) {
            throw new IllegalStateException("the bound of " + MAX_CALLS_PER_THREAD + " calls per thread was reached");
        }
        try {
            Object response = call.apply(connection.client);
            ok.increment();
            return response;
        } catch (SdkException e) {
            errors.increment();
            firstError.compareAndSet(null, e.toString());
            return e;
        }
    }
}
