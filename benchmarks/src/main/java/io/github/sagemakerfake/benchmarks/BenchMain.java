package io.github.sagemakerfake.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The one benchmark command (docs/benchmarks.md): runs every benchmark and measurement, then prints (and writes to
 * {@code bench-results/report.md} beside the jar) one table with each figure against its target.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar                 # the full run (about 8 minutes)
 * java -jar benchmarks/target/benchmarks.jar --smoke         # every part once, briefly, no forks (under a minute)
 * java -jar benchmarks/target/benchmarks.jar --only inprocess,fresh   # some parts: inprocess, fresh,
 *                                                            #   loopback, memory, rss, container
 * java -jar benchmarks/target/benchmarks.jar --jmh [JMH options]      # plain JMH (e.g. -prof stack)
 * </pre>
 *
 * <p>System properties: {@code -Dbench.smoke=true} (same as {@code --smoke}), {@code -Dbench.out=DIR}
 * (results directory), {@code -Dbench.moto=PATH} ({@code moto_server}), {@code -Dbench.serverJar=PATH},
 * {@code -Dbench.image=NAME} (container image).
 */
public final class BenchMain {

    static final List<String> PARTS = List.of("inprocess", "fresh", "loopback", "memory", "rss", "container");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        boolean smoke = Boolean.getBoolean("bench.smoke");
        Set<String> parts = new LinkedHashSet<>(PARTS);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--smoke")) {
                smoke = true;
            } else if (a.equals("--only") && i + 1 < args.length) {
                parts = parse(args[++i]);
            } else if (a.startsWith("--only=")) {
                parts = parse(a.substring("--only=".length()));
            } else if (a.equals("--help") || a.equals("-h")) {
                System.out.println("java -jar benchmarks.jar [--smoke] [--only " + String.join(",", PARTS)
                        + "] | --jmh [JMH options]\nSee docs/benchmarks.md.");
                return;
            } else {
                System.err.println("unknown argument " + a + "; try --help");
                System.exit(2);
            }
        }
        Report report = run(smoke, parts, outputDirectory());
        System.out.println();
        System.out.println(report.markdown());
        System.exit(report.failures().isEmpty() ? 0 : 1);
    }

    private static Set<String> parse(String list) {
        Set<String> parts = new LinkedHashSet<>();
        for (String p : list.split(",")) {
            String part = p.trim().toLowerCase(Locale.ROOT);
            if (!PARTS.contains(part)) {
                throw new IllegalArgumentException("unknown part " + part + "; the parts are " + PARTS);
            }
            parts.add(part);
        }
        return parts;
    }

    /** Runs the parts and writes {@code report.md} (and the JMH JSON results) to {@code out}. */
    static Report run(boolean smoke, Set<String> parts, Path out) throws RunnerException {
        try {
            Files.createDirectories(out);
            Files.deleteIfExists(out.resolve("loopback-calls.tsv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("bench.out", out.toString());
        Report report = new Report(smoke, out);
        long start = System.nanoTime();
        if (parts.contains("inprocess")) {
            report.inProcess = jmh(smoke, out, "inprocess", InProcessCallBenchmark.class, true, b -> b);
        }
        if (parts.contains("fresh")) {
            report.fresh = jmh(smoke, out, "fresh", FreshFakeBenchmark.class, true, b -> b.warmupIterations(6));
        }
        if (parts.contains("loopback")) {
            boolean moto = Subprocesses.motoServer().isPresent();
            if (!moto) {
                report.notes.add("moto_server was not found on the PATH: moto was not measured.");
            }
            List<Collection<RunResult>> runs = new ArrayList<>();
            if (smoke) {
                List<String> servers = new ArrayList<>(List.of("fake", "fakeProcess", "sdkFloor"));
                if (moto) {
                    servers.add("moto");
                }
                runs.add(jmh(true, out, "loopback", LoopbackServerBenchmark.class, false,
                        b -> b.param("server", servers.toArray(String[]::new)).param("op", "describe")));
            } else {
                // DescribeWorkteam (DescribeModel on moto): the server as shipped, with TCP_NODELAY, moto,
                // and the SDK clients alone; ListTags, the same operation on both, with TCP_NODELAY and on
                // moto; the standalone server process with TCP_NODELAY (its CPU per call against moto's).
                List<String> servers = new ArrayList<>(List.of("fake", "fakeNoDelay", "sdkFloor"));
                List<String> tagServers = new ArrayList<>(List.of("fakeNoDelay"));
                if (moto) {
                    servers.add("moto");
                    tagServers.add("moto");
                }
                runs.add(jmh(false, out, "loopback-describe", LoopbackServerBenchmark.class, false,
                        b -> loopbackTiming(b).param("server", servers.toArray(String[]::new)).param("op", "describe")));
                runs.add(jmh(false, out, "loopback-listtags", LoopbackServerBenchmark.class, false,
                        b -> loopbackTiming(b).param("server", tagServers.toArray(String[]::new))
                                .param("op", "listTags")));
                runs.add(jmh(false, out, "loopback-process", LoopbackServerBenchmark.class, false,
                        b -> loopbackTiming(b).param("server", "fakeProcessNoDelay").param("op", "describe")));
            }
            List<RunResult> all = new ArrayList<>();
            runs.forEach(all::addAll);
            report.loopback = all;
            report.readLoopbackCalls();
        }
        if (parts.contains("memory")) {
            section("memory: heap per account/region with 25 work teams");
            report.heapPerRegion = smoke ? Measurements.heapPerRegion(50, 25, 1)
                    : Measurements.heapPerRegion(1000, 25, 5);
            report.heapRegions = smoke ? 50 : 1000;
        }
        if (parts.contains("rss")) {
            section("memory: the standalone server's resident set size");
            report.rss.add(Measurements.serverRss(List.of(), 25, smoke ? 1 : 3));
            if (!smoke) {
                report.rss.add(Measurements.serverRss(List.of("-XX:+UseSerialGC", "-Xmx64m", "-Xss512k"), 25, 2));
            }
        }
        if (parts.contains("container")) {
            section("container: start-to-ready and image size");
            report.container = Measurements.container(smoke ? 1 : 10);
        }
        report.seconds = (System.nanoTime() - start) / 1e9;
        report.loadAtEnd = Report.loadAverage();
        try {
            Files.writeString(out.resolve("report.md"), report.markdown(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report;
    }

    private static ChainedOptionsBuilder loopbackTiming(ChainedOptionsBuilder b) {
        return b.forks(1).warmupIterations(4).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(2));
    }

    private static void section(String title) {
        System.out.println("\n# " + title);
    }

    private static Collection<RunResult> jmh(boolean smoke, Path out, String name, Class<?> benchmark, boolean gc,
                                             java.util.function.UnaryOperator<ChainedOptionsBuilder> tune)
            throws RunnerException {
        section("JMH: " + benchmark.getSimpleName());
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include("\\." + benchmark.getSimpleName() + "\\.")
                .jvmArgsAppend("-Dbench.out=" + out, "-Xms1g", "-Xmx1g")
                .shouldFailOnError(false)
                .result(out.resolve(name + ".json").toString())
                .resultFormat(ResultFormatType.JSON);
        b.addProfiler(CpuTimeProfiler.class);
        if (smoke) {
            b.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100));
        } else {
            // The SDK's call path needs about 8 s of a loaded 2-core machine to reach C2 steady state.
            b.forks(2).warmupIterations(10).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(4).measurementTime(TimeValue.seconds(1));
            if (gc) {
                b.addProfiler(GCProfiler.class);
            }
        }
        b = tune.apply(b);
        if (smoke) {
            // whatever the part asked for, a smoke run stays brief
            b.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
        }
        return new Runner(b.build()).run();
    }

    /** Where results go: {@code -Dbench.out}, else {@code bench-results} beside the jar (or the classes). */
    static Path outputDirectory() {
        String configured = System.getProperty("bench.out");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath();
        }
        Path here = codeLocation();
        return here == null ? Paths.get("bench-results").toAbsolutePath() : here.getParent().resolve("bench-results");
    }

    /** The jar (or classes directory) this class was loaded from. */
    static Path codeLocation() {
        try {
            var source = BenchMain.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Paths.get(source.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }

    static boolean isSampleMode(RunResult r) {
        return r.getParams().getMode() == Mode.SampleTime;
    }
}
