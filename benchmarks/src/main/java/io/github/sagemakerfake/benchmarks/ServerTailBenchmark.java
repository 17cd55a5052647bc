package io.github.sagemakerfake.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The server's tail at a steady load (docs/benchmarks.md, "The server's tail"): the standalone
 * server in its own JVM, 8 keep-alive connections on loopback, each a thread writing a pre-encoded
 * {@code DescribeWorkteam} and reading the answer (as {@code wrk} does: nothing per request but
 * the bytes, so the load generator costs the two cores little).
 *
 * <ol>
 * <li>Saturation: the 8 connections send as fast as they are answered (closed loop) for a few
 *     seconds; the rate reached is the saturating rate.</li>
 * <li>Half load: the same 8 connections, open loop, at half that rate in all, each on a fixed
 *     schedule; the run's first seconds are a warm-up, not recorded. A request's latency runs from
 *     the time it was <em>due</em>, not from when it was sent, so a stall counts for every request
 *     it delayed (no coordinated omission).</li>
 * </ol>
 *
 * <p>Every answer must be a 200; an error stops the run. Variants are server JVM options, run
 * interleaved: {@code java -cp benchmarks.jar ...ServerTailBenchmark [rounds] [seconds] [jvm options|...]},
 * e.g. {@code 2 8 "|-XX:+UseParallelGC"} (the empty variant is the default JVM); server options
 * follow {@code --}: {@code "-XX:+UseParallelGC -- --threads 1"}; {@code jar=PATH} among the JVM
 * options runs that server jar instead of this build's ({@code "jar=/tmp/before.jar|"}: before and
 * after in one run). A fourth argument names the load generators: {@code threads} (the default, a
 * thread per connection, as the goal was first measured) and/or {@code nio} (two threads for all
 * connections, as {@code wrk2 -t2 -c8}): {@code threads,nio}.
 *
 * <p>System properties: {@code bench.tail.warmup} (seconds of the half-load run's warm-up, default
 * half the measured seconds, at least 2), {@code bench.tail.rate} (a fixed offered rate in requests
 * a second instead of half the saturating rate) and {@code bench.tail.dump} (a file for each
 * measured request's due time and latency).
 */
public final class ServerTailBenchmark {

    private static final int CONNECTIONS = 8;

    private ServerTailBenchmark() {
    }

    record Result(String variant, double saturatingRate, double offeredRate, double achievedRate, long p50,
                  long p90, long p99, long p999, long max, long requests, long serverCpuNanos) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<String> variants = args.length > 2 ? Arrays.asList(args[2].split("\\|", -1)) : List.of("");
        List<String> generators = args.length > 3 ? Arrays.asList(args[3].split(",")) : List.of(THREADS);
        List<Result> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String variant : variants) {
              for (String generator : generators) {
                Result r = measure(variant, seconds, generator, generators.size() > 1);
                System.err.println("round " + (round + 1) + ": " + r);
                results.add(r);
              }
            }
        }
        System.out.println(markdown(results));
    }

    /** The generator of two threads (OpenLoopLoad), as wrk2 -t2 -c8. */
    static final String NIO = "nio";
    /** A thread per connection, each blocking on its socket. */
    static final String THREADS = "threads";

    static Result measure(String variant, int seconds, String generator, boolean label) throws Exception {
        // "JVM options -- server options", either part may be empty
        int split = (" " + variant + " ").indexOf(" -- ");
        String jvmPart = split < 0 ? variant : variant.substring(0, Math.max(0, split - 1));
        String serverPart = split < 0 ? "" : variant.substring(Math.min(variant.length(), split + 3));
        // "jar=PATH" among the JVM options: that server jar instead of this build's (a before/after in one run)
        List<String> jvm = new ArrayList<>(words(jvmPart));
        Optional<Path> jar = Subprocesses.serverJar();
        for (Iterator<String> it = jvm.iterator(); it.hasNext(); ) {
            String word = it.next();
            if (word.startsWith("jar=")) {
                jar = Optional.of(Path.of(word.substring(4)));
                it.remove();
            }
        }
        try (Subprocesses.Server server = Subprocesses.startFakeServer(jvm, words(serverPart), jar)) {
            URI uri = server.endpoint;
            byte[] create = request(uri, "CreateWorkteam", "{\"WorkteamName\":\"" + Fixtures.TEAM + "\",\"Description\":"
                    + "\"Bench\",\"MemberDefinitions\":[{\"CognitoMemberDefinition\":{\"UserPool\":\"us-east-1_abc123\","
                    + "\"ClientId\":\"client1234567890\",\"UserGroup\":\"bench\"}}]}");
            byte[] describe = request(uri, "DescribeWorkteam", "{\"WorkteamName\":\"" + Fixtures.TEAM + "\"}");
            try (Connection c = new Connection(uri)) {
                c.exchange(create);
            }
            // Warm-up, then saturation (closed loop).
            boolean nio = switch (generator) {
                case NIO -> true;
                case THREADS -> false;
                default -> throw new IllegalArgumentException("generator: nio or threads, not " + generator);
            };
            load(nio, uri, describe, 0, 0, Math.max(2, seconds / 2) * 1_000_000_000L, null);
            long cpu0 = Subprocesses.cpuNanos(server.process.toHandle());
            long[] count = new long[1];
            long satNanos = seconds * 1_000_000_000L;
            load(nio, uri, describe, 0, 0, satNanos, count);
            double saturating = count[0] / (satNanos / 1e9);
            // Half load, open loop.
            // -Dbench.tail.rate=N: offer N requests a second in all instead (the same load for every variant)
            double offered = Double.parseDouble(System.getProperty("bench.tail.rate", Double.toString(saturating / 2)));
            long intervalNanos = (long) (CONNECTIONS * 1e9 / offered);
            // The half-load run begins with a warm-up on the same connections, not recorded: an open loop
            // runs code a closed loop does not (the generator's schedule, the server's event loops waiting
            // in select), and both JVMs compile it in its first seconds (docs/benchmarks.md, "The server's
            // tail in its steady state").
            long warmNanos = Long.getLong("bench.tail.warmup", Math.max(2, seconds / 2)) * 1_000_000_000L;
            long cpu1 = Subprocesses.cpuNanos(server.process.toHandle());
            long[] latencies = load(nio, uri, describe, intervalNanos, warmNanos, satNanos, count);
            long cpu2 = Subprocesses.cpuNanos(server.process.toHandle());
            Arrays.sort(latencies);
            String name = (variant.isBlank() ? "(default JVM)" : variant) + (label ? " [" + generator + "]" : "");
            return new Result(name, saturating, offered,
                    latencies.length / (satNanos / 1e9), pct(latencies, 0.50), pct(latencies, 0.90),
                    pct(latencies, 0.99), pct(latencies, 0.999), latencies[latencies.length - 1], latencies.length,
                    // the server's CPU spans the warm-up too; at a fixed rate it served this many requests in all
                    (long) ((cpu2 - cpu1) / Math.max(1.0, latencies.length * (double) (warmNanos + satNanos) / satNanos)));
        }
    }

    private static long[] load(boolean nio, URI uri, byte[] request, long intervalNanos, long warmNanos, long nanos,
                               long[] count) throws Exception {
        return nio ? OpenLoopLoad.run(uri, request, CONNECTIONS, intervalNanos, warmNanos, nanos, count)
                : run(uri, request, intervalNanos, warmNanos, nanos, count);
    }

    /**
     * 8 connections for {@code warmNanos} and then {@code nanos}, a thread each; closed loop when
     * {@code intervalNanos} is 0, else each connection's requests are due every {@code intervalNanos},
     * staggered. Returns the latency of every request due after the warm-up.
     */
    private static long[] run(URI uri, byte[] request, long intervalNanos, long warmNanos, long nanos, long[] count)
            throws InterruptedException {
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(CONNECTIONS);
        AtomicLong start = new AtomicLong();
        AtomicLong total = new AtomicLong();
        List<Throwable> failures = new ArrayList<>();
        // -Dbench.tail.dump=FILE: each request's due time (System.nanoTime, the server's -Xlog "timenanos"
        // clock) and latency, one per line, as OpenLoopLoad writes them
        String dump = intervalNanos > 0 ? System.getProperty("bench.tail.dump") : null;
        StringBuilder dumped = new StringBuilder();
        for (int t = 0; t < CONNECTIONS; t++) {
            int index = t;
            long[][] out = new long[1][];
            Thread thread = new Thread(() -> {
                // Every request is recorded, the warm-up's too, into arrays sized for the whole open-loop run,
                // and the warm-up's are dropped after the loop: no branch in the loop turns at the end of the
                // warm-up or when an array fills, so the generator's compiled loop is not thrown away mid-run.
                long recordFrom = start.get() + warmNanos;
                long end = recordFrom + nanos;
                int capacity = intervalNanos > 0 ? (int) ((warmNanos + nanos) / intervalNanos) + 2 : 1 << 16;
                long[] lat = new long[capacity];
                long[] sentAt = new long[capacity];
                int n = 0;
                try (Connection c = new Connection(uri)) {
                    c.exchange(request); // connected and answered once before the clock starts
                    ready.countDown();
                    ready.await();
                    if (intervalNanos > 0) {
                        long due = start.get() + intervalNanos * index / CONNECTIONS;
                        for (; due < end; due += intervalNanos) {
                            sentAt[n] = due;
                            lat[n++] = onSchedule(c, request, due);
                        }
                    } else {
                        onSchedule(c, request, start.get()); // the first request when the clock starts
                        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                                sentAt = Arrays.copyOf(sentAt, n * 2);
                            }
                            sentAt[n] = now;
                            c.exchange(request);
                            lat[n++] = System.nanoTime() - now;
                        }
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                    ready.countDown();
                }
                int kept = 0;
                for (int i = 0; i < n; i++) {
                    if (sentAt[i] >= recordFrom) {
                        sentAt[kept] = sentAt[i];
                        lat[kept++] = lat[i];
                    }
                }
                total.addAndGet(kept);
                out[0] = Arrays.copyOf(lat, kept);
                synchronized (perThread) {
                    perThread.add(out[0]);
                    for (int i = 0; dump != null && i < kept; i++) {
                        dumped.append(sentAt[i]).append(' ').append(lat[i]).append('\n');
                    }
                }
            }, "tail-load-" + t);
            threads.add(thread);
        }
        start.set(System.nanoTime() + 200_000_000L); // all connected well before the clock starts
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the load generator failed", failures.get(0));
        }
        if (dump != null) {
            try {
                java.nio.file.Files.writeString(Path.of(dump), dumped);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (count != null) {
            count[0] = total.get();
        }
        return perThread.stream().flatMapToLong(Arrays::stream).toArray();
    }

    /**
     * Waits for {@code due}, then sends the request and reads its answer; returns the latency from
     * {@code due}. A method of its own, so that the JIT compiles it early and whole, not as part of
     * the thread's long loop.
     */
    private static long onSchedule(Connection c, byte[] request, long due) throws IOException {
        for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
            LockSupport.parkNanos(due - now);
        }
        c.exchange(request);
        return System.nanoTime() - due;
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }

    private static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** An awsJson1_1 request as an SDK would send it, with a signed-looking Authorization header. */
    static byte[] request(URI uri, String operation, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Content-Type: application/x-amz-json-1.1\r\n"
                + "X-Amz-Target: SageMaker." + operation + "\r\n"
                + "X-Amz-Date: 20261207T120000Z\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=" + Fixtures.ACCOUNT + "/20261207/" + Fixtures.REGION
                + "/sagemaker/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
                + "Signature=0000000000000000000000000000000000000000000000000000000000000000\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** One keep-alive HTTP/1.1 connection that writes a request and reads one answer, which must be a 200. */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];

        Connection(URI uri) {
            try {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
                socket.setSoTimeout(30_000);
                out = socket.getOutputStream();
                in = socket.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            ByteBuffer answer = ByteBuffer.wrap(buffer);
            while (OpenLoopLoad.completeAnswer(answer) == 0) { // the one parse of an answer: a 200, then its length
                int r = in.read(buffer, answer.position(), buffer.length - answer.position());
                if (r < 0) {
                    throw new IOException("connection closed by the server");
                }
                answer.position(answer.position() + r);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    static String markdown(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append("| server JVM | saturating (req/s) | offered / achieved (req/s) | p50 (ms) | p90 (ms) | p99 (ms) "
                + "| p99.9 (ms) | max (ms) | p99 ÷ p50 | server CPU (µs/req) |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f / %,.0f | %.3f | %.3f | %.3f | %.3f | %.1f | %.1f× | %.0f |%n",
                    r.variant(), r.saturatingRate(), r.offeredRate(), r.achievedRate(), r.p50() / 1e6, r.p90() / 1e6,
                    r.p99() / 1e6, r.p999() / 1e6, r.max() / 1e6, (double) r.p99() / r.p50(), r.serverCpuNanos() / 1e3));
        }
        return out.toString();
    }
}
