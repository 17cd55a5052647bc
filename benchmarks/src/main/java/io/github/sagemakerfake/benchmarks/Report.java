package io.github.sagemakerfake.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** The figures of one run, against the targets docs/benchmarks.md names, as Markdown. */
final class Report {

    static final double TARGET_FLOOR_RATIO = 1.5;
    static final double TARGET_FRESH_MICROS = 1000;
    static final double TARGET_FRESH_BYTES = 100 * 1024;
    static final double TARGET_MOTO_RATIO = 50;
    static final double TARGET_P99_MILLIS = 5;
    static final double TARGET_READY_MILLIS = 1500;
    static final double TARGET_IMAGE_BYTES = 100 * 1024 * 1024;

    final boolean smoke;
    final Path out;
    Collection<RunResult> inProcess = List.of();
    Collection<RunResult> fresh = List.of();
    Collection<RunResult> loopback = List.of();
    final List<String[]> loopbackCalls = new ArrayList<>();
    Measurements.Sample heapPerRegion;
    int heapRegions;
    final List<Measurements.Rss> rss = new ArrayList<>();
    Measurements.Container container;
    final List<String> notes = new ArrayList<>();
    double seconds;
    final String loadAtStart = loadAverage();
    String loadAtEnd;

    Report(boolean smoke, Path out) {
        this.smoke = smoke;
        this.out = out;
    }

    void readLoopbackCalls() {
        Path file = out.resolve("loopback-calls.tsv");
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    loopbackCalls.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            notes.add("could not read " + file + ": " + e);
        }
    }

    // ------------------------------------------------------------------ figures

    /** Median of the measurement iterations (over all forks), their min and max, and JMH's mean ± error. */
    record Figure(double median, double min, double max, double mean, double error, String unit, int iterations) {

        String text(int decimals) {
            return fmt(median, decimals) + " [" + fmt(min, decimals) + "–" + fmt(max, decimals) + "]";
        }
    }

    static Figure figure(RunResult r) {
        return figure(r, null, 1);
    }

    /** The primary result, or the secondary result whose name ends with {@code secondary}; times {@code scale}. */
    static Figure figure(RunResult r, String secondary, double scale) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult fork : r.getBenchmarkResults()) {
            for (IterationResult it : fork.getIterationResults()) {
                Result<?> res = secondary == null ? it.getPrimaryResult() : find(it.getSecondaryResults(), secondary);
                if (res != null) {
                    scores.add(res.getScore() * scale);
                }
            }
        }
        Result<?> agg = secondary == null ? r.getPrimaryResult() : find(r.getSecondaryResults(), secondary);
        if (agg == null || scores.isEmpty()) {
            return null;
        }
        double[] v = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return new Figure(median, v[0], v[v.length - 1], agg.getScore() * scale, agg.getScoreError() * scale,
                agg.getScoreUnit(), v.length);
    }

    @SuppressWarnings("rawtypes") // JMH hands out Map<String, Result>
    private static Result<?> find(Map<String, Result> results, String suffix) {
        for (Map.Entry<String, Result> e : results.entrySet()) {
            if (e.getKey().endsWith(suffix)) {
                return e.getValue();
            }
        }
        return null;
    }

    static Optional<RunResult> result(Collection<RunResult> results, String method, Mode mode, String... params) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .filter(r -> mode == null || r.getParams().getMode() == mode)
                .filter(r -> {
                    for (int i = 0; i < params.length; i += 2) {
                        if (!params[i + 1].equals(r.getParams().getParam(params[i]))) {
                            return false;
                        }
                    }
                    return true;
                })
                .findFirst();
    }

    /** Every benchmark that was expected and produced no result. */
    List<String> failures() {
        List<String> missing = new ArrayList<>();
        for (String[] c : loopbackCalls) {
            if (!"0".equals(c[4]) && c[0].startsWith("fake")) {
                missing.add("loopback " + c[0] + " " + c[1] + " " + c[2] + ": " + c[4] + " errors (" + c[5] + ")");
            }
        }
        return missing;
    }

    // ------------------------------------------------------------------ markdown

    String markdown() {
        StringBuilder md = new StringBuilder();
        List<String[]> verdicts = new ArrayList<>();
        md.append("## Results").append(smoke ? " (SMOKE RUN: the figures mean nothing)" : "").append("\n\n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, JDK ")
                .append(System.getProperty("java.vm.version")).append(" (").append(System.getProperty("java.vm.name"))
                .append("); load average (1/5/15 min) at start ").append(loadAtStart).append(", at end ")
                .append(loadAtEnd == null ? loadAverage() : loadAtEnd).append(".\n\n");
        md.append("Run of ").append(fmt(seconds, 0)).append(" s. Figures: median of the measurement iterations ")
                .append("[min–max over iterations and forks]; JMH's mean ± 99.9 % error is in the JSON files beside ")
                .append("report.md.\n\n");
        inProcessSection(md, verdicts);
        freshSection(md, verdicts);
        loopbackSection(md, verdicts);
        memorySection(md);
        containerSection(md, verdicts);
        md.append("### Against the targets of issue #9\n\n| target | measured | verdict |\n|---|---|---|\n");
        for (String[] v : verdicts) {
            md.append("| ").append(v[0]).append(" | ").append(v[1]).append(" | ").append(v[2]).append(" |\n");
        }
        md.append('\n');
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        return md.toString();
    }

    private void inProcessSection(StringBuilder md, List<String[]> verdicts) {
        if (inProcess.isEmpty()) {
            return;
        }
        md.append("### 1. In-process call\n\n")
                .append("| call | client | wall time (µs/op) | calling thread CPU (µs/op) | JVM CPU (µs/op) | "
                        + "allocated (B/op) |\n|---|---|---|---|---|---|\n");
        String[][] calls = {{"describeWorkteam", "DescribeWorkteam"},
                {"createAndDeleteWorkteam", "CreateWorkteam + DeleteWorkteam"}};
        for (String[] call : calls) {
            for (String client : List.of("fake", "sdkFloor", "mockito")) {
                Optional<RunResult> r = result(inProcess, call[0], null, "client", client);
                md.append("| ").append(call[1]).append(" | ").append(client).append(" | ")
                        .append(text(r.map(Report::figure).orElse(null), 1)).append(" | ")
                        .append(text(r.map(x -> figure(x, "cpu.worker.norm", 1e-3)).orElse(null), 1)).append(" | ")
                        .append(text(r.map(x -> figure(x, "cpu.time.norm", 1e-3)).orElse(null), 1)).append(" | ")
                        .append(text(r.map(x -> figure(x, "alloc.rate.norm", 1)).orElse(null), 0)).append(" |\n");
            }
        }
        md.append('\n');
        for (String[] call : calls) {
            Figure fake = fig(inProcess, call[0], "client", "fake", null, 1);
            Figure floor = fig(inProcess, call[0], "client", "sdkFloor", null, 1);
            Figure fakeCpu = fig(inProcess, call[0], "client", "fake", "cpu.worker.norm", 1e-3);
            Figure floorCpu = fig(inProcess, call[0], "client", "sdkFloor", "cpu.worker.norm", 1e-3);
            Figure fakeAlloc = fig(inProcess, call[0], "client", "fake", "alloc.rate.norm", 1);
            Figure floorAlloc = fig(inProcess, call[0], "client", "sdkFloor", "alloc.rate.norm", 1);
            if (fake == null || floor == null) {
                continue;
            }
            String measured = "wall " + fmt(fake.median / floor.median, 2) + "×";
            boolean met = fake.median / floor.median <= TARGET_FLOOR_RATIO;
            if (fakeCpu != null && floorCpu != null) {
                double r = fakeCpu.median / floorCpu.median;
                measured += ", calling-thread CPU " + fmt(r, 2) + "× (" + fmt(fakeCpu.median, 1) + " vs " + fmt(floorCpu.median, 1)
                        + " µs)";
                met = r <= TARGET_FLOOR_RATIO; // CPU time is the figure a loaded machine does not distort
            }
            if (fakeAlloc != null && floorAlloc != null) {
                measured += ", allocation " + fmt(fakeAlloc.median / floorAlloc.median, 2) + "×";
            }
            verdicts.add(new String[] {"in-process " + call[1] + " ≤ 1.5× SDK floor", measured, verdict(met)});
        }
    }

    private void freshSection(StringBuilder md, List<String[]> verdicts) {
        if (fresh.isEmpty()) {
            return;
        }
        md.append("### 2. A fresh fake per test (build fake + client, one CreateWorkteam, close)\n\n")
                .append("| benchmark | wall time (µs/op) | calling thread CPU (µs/op) | JVM CPU (µs/op) | "
                        + "allocated (B/op) |\n|---|---|---|---|---|\n");
        for (String name : List.of("freshFakePerTest", "freshFakePerTestBefore", "freshFakePerTestAsInjected",
                "freshFakePerTestNoProfileFile", "fakeOnly", "sdkClientFloor", "freshFakeReusedClient",
                "sharedFakeResetPerTest")) {
            Optional<RunResult> r = result(fresh, name, null);
            Figure t = r.map(Report::figure).orElse(null);
            Figure c = r.map(x -> figure(x, "cpu.worker.norm", 1e-3)).orElse(null);
            Figure jvm = r.map(x -> figure(x, "cpu.time.norm", 1e-3)).orElse(null);
            Figure a = r.map(x -> figure(x, "alloc.rate.norm", 1)).orElse(null);
            md.append("| ").append(name).append(" | ").append(text(t, 1)).append(" | ").append(text(c, 1))
                    .append(" | ").append(text(jvm, 1)).append(" | ").append(text(a, 0)).append(" |\n");
            if (name.equals("freshFakePerTest") || name.equals("freshFakeReusedClient")) {
                String label = name.equals("freshFakePerTest") ? "fresh fake per test" : "fresh fake per test, "
                        + "reused SDK client (proposed)";
                if (t != null) {
                    verdicts.add(new String[] {label + " < 1 ms", "wall " + fmt(t.median, 0) + " µs"
                            + (c == null ? "" : ", calling-thread CPU " + fmt(c.median, 0) + " µs"),
                            verdict((c == null ? t : c).median < TARGET_FRESH_MICROS)});
                }
                verdicts.add(new String[] {label + " < 100 KB allocated", a == null ? "not measured (-prof gc off)"
                        : fmt(a.median / 1024, 1) + " KiB", a == null ? "–" : verdict(a.median < TARGET_FRESH_BYTES)});
            }
        }
        md.append('\n');
    }

    private void loopbackSection(StringBuilder md, List<String[]> verdicts) {
        if (loopback.isEmpty()) {
            return;
        }
        md.append("### 3. Servers on loopback, 8 concurrent SDK clients (Apache, 1 connection each, no retries)\n\n")
                .append("| server | operation | throughput (ops/s) | p50 (ms) | p90 (ms) | p99 (ms) | p99.9 (ms) | "
                        + "benchmark JVM CPU (µs/call) | server process CPU (µs/call) | calls | errors |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<String> servers = new ArrayList<>();
        for (RunResult r : loopback) {
            String s = r.getParams().getParam("server");
            if (!servers.contains(s)) {
                servers.add(s);
            }
        }
        for (String op : List.of("describe", "listTags")) {
            for (String server : servers) {
                Optional<RunResult> thr = result(loopback, "call", Mode.Throughput, "server", server, "op", op);
                Optional<RunResult> sample = result(loopback, "call", Mode.SampleTime, "server", server, "op", op);
                if (thr.isEmpty() && sample.isEmpty()) {
                    continue;
                }
                Figure ops = thr.map(r -> figure(r, null, 1000)).orElse(null); // ops/ms -> ops/s
                Figure cpu = thr.map(r -> figure(r, "cpu.time.norm", 1e-3)).orElse(null);
                long[] calls = calls(server, op);
                String serverCpu = serverCpu(server, op);
                md.append("| ").append(server).append(" | ").append(operation(server, op)).append(" | ")
                        .append(text(ops, 0));
                for (double p : new double[] {50, 90, 99, 99.9}) {
                    md.append(" | ").append(sample.map(r -> fmt(percentile(r, p), 3)).orElse("–"));
                }
                md.append(" | ").append(text(cpu, 0)).append(" | ").append(serverCpu).append(" | ").append(calls[0])
                        .append(" | ").append(calls[1]).append(" |\n");
                if (isFake(server) && sample.isPresent()) {
                    double p99 = percentile(sample.get(), 99);
                    double[] range = iterationPercentileRange(sample.get(), 99);
                    verdicts.add(new String[] {"server p99 < 5 ms (" + server + ", " + operation(server, op) + ")",
                            fmt(p99, 2) + " ms [" + fmt(range[0], 2) + "–" + fmt(range[1], 2) + " per iteration]",
                            verdict(p99 < TARGET_P99_MILLIS)});
                }
                if (isFake(server)) {
                    verdicts.add(new String[] {"server zero errors (" + server + ", " + operation(server, op) + ")",
                            calls[1] + " errors in " + (calls[0] + calls[1]) + " calls", verdict(calls[1] == 0)});
                }
            }
            Figure moto = result(loopback, "call", Mode.Throughput, "server", "moto", "op", op)
                    .map(r -> figure(r, null, 1000)).orElse(null);
            for (String server : servers) {
                if (!isFake(server) || moto == null) {
                    continue;
                }
                Figure fake = result(loopback, "call", Mode.Throughput, "server", server, "op", op)
                        .map(r -> figure(r, null, 1000)).orElse(null);
                if (fake != null) {
                    double ratio = fake.median / moto.median;
                    String measured = fmt(ratio, 1) + "× (" + fmt(fake.median, 0) + " vs " + fmt(moto.median, 0)
                            + " ops/s)";
                    String fakeCpu = serverCpu(server, op);
                    String motoCpu = serverCpu("moto", op);
                    if (!fakeCpu.equals("–") && !motoCpu.equals("–")) {
                        measured += "; server CPU per call " + fmt(parse(motoCpu) / parse(fakeCpu), 0) + "× less ("
                                + fakeCpu + " vs " + motoCpu + " µs)";
                    }
                    verdicts.add(new String[] {"server ≥ 50× moto throughput (" + server + ", " + op + ")", measured,
                            verdict(ratio >= TARGET_MOTO_RATIO)});
                }
            }
        }
        md.append("\nmoto answers `Connection: close`, so each of its calls opens a new TCP connection; the fake "
                + "keeps connections alive. `fake` is the server in the benchmark's JVM, `fakeProcess` the "
                + "standalone server in its own JVM (as moto is its own process); `*NoDelay` the same with "
                + "`-Dsun.net.httpserver.nodelay=true`; `sdkFloor` no server at all (the 8 SDK clients over "
                + "pre-encoded answers: what the clients alone allow on this machine). Benchmark JVM CPU is "
                + "client side plus, for `fake*`, the in-process server; server process CPU is measured from "
                + "/proc over the measurement iterations.\n\n");
    }

    private static boolean isFake(String server) {
        return server.startsWith("fake");
    }

    private static double parse(String number) {
        return Double.parseDouble(number.replace(",", ""));
    }

    /** Server-process CPU per call in µs, averaged over the trials (both modes), or "–". */
    private String serverCpu(String server, String op) {
        List<Double> values = new ArrayList<>();
        for (String[] c : loopbackCalls) {
            if (c[0].equals(server) && c[1].equals(op) && c.length > 6 && !c[6].equals("-")) {
                values.add(Double.parseDouble(c[6]) / 1000);
            }
        }
        return values.isEmpty() ? "–" : fmt(values.stream().mapToDouble(Double::doubleValue).average().orElse(0), 0);
    }

    private static String operation(String server, String op) {
        if (op.equals("listTags")) {
            return server.equals("moto") ? "ListTags (model ARN)" : "ListTags (work team ARN)";
        }
        return server.equals("moto") ? "DescribeModel" : "DescribeWorkteam";
    }

    private long[] calls(String server, String op) {
        long ok = 0;
        long errors = 0;
        for (String[] c : loopbackCalls) {
            if (c[0].equals(server) && c[1].equals(op)) {
                ok += Long.parseLong(c[3]);
                errors += Long.parseLong(c[4]);
            }
        }
        return new long[] {ok, errors};
    }

    static double percentile(RunResult r, double p) {
        return r.getPrimaryResult().getStatistics().getPercentile(p);
    }

    static double[] iterationPercentileRange(RunResult r, double p) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (BenchmarkResult fork : r.getBenchmarkResults()) {
            for (IterationResult it : fork.getIterationResults()) {
                double v = it.getPrimaryResult().getStatistics().getPercentile(p);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new double[] {min, max};
    }

    private void memorySection(StringBuilder md) {
        if (heapPerRegion == null && rss.isEmpty()) {
            return;
        }
        md.append("### 5. Memory\n\n");
        if (heapPerRegion != null) {
            md.append("- Heap held per account/region with 25 work teams (and its implicit workforce): **")
                    .append(fmt(heapPerRegion.median() / 1024, 1)).append(" KiB** [")
                    .append(fmt(heapPerRegion.min() / 1024, 1)).append("–").append(fmt(heapPerRegion.max() / 1024, 1))
                    .append("] over ").append(heapPerRegion.n()).append(" rounds of ").append(heapRegions)
                    .append(" regions (used heap after full GCs, seeded, journal excluded), i.e. ")
                    .append(fmt(heapPerRegion.median() / 1024 / 25, 2)).append(" KiB per work team.\n");
        }
        for (Measurements.Rss r : rss) {
            md.append("- Server RSS (").append(r.server()).append("): idle **")
                    .append(mib(r.idle().median())).append(" MiB** [").append(mib(r.idle().min())).append("–")
                    .append(mib(r.idle().max())).append("], with ").append(r.teams())
                    .append(" work teams and 100 reads **").append(mib(r.loaded().median())).append(" MiB** [")
                    .append(mib(r.loaded().min())).append("–").append(mib(r.loaded().max())).append("], ")
                    .append(r.idle().n()).append(" runs.\n");
        }
        md.append('\n');
    }

    private void containerSection(StringBuilder md, List<String[]> verdicts) {
        if (container == null) {
            return;
        }
        md.append("### 4. Container\n\n");
        if (container.notMeasured() != null && container.readyMillis() == null) {
            md.append("Not measured: ").append(container.notMeasured()).append(".\n\n");
            verdicts.add(new String[] {"container ready < 1.5 s", "not measured", "–"});
            verdicts.add(new String[] {"image < 100 MB", container.sizeBytes() > 0 ? mib(container.sizeBytes())
                    + " MiB" : "not measured", container.sizeBytes() > 0
                    ? verdict(container.sizeBytes() < TARGET_IMAGE_BYTES) : "–"});
            return;
        }
        Measurements.Sample ready = container.readyMillis();
        md.append("Image `").append(container.image()).append("`: ").append(mib(container.sizeBytes()))
                .append(" MiB; `docker run` to the first 200 from `/_fake/health`: **").append(fmt(ready.median(), 0))
                .append(" ms** [").append(fmt(ready.min(), 0)).append("–").append(fmt(ready.max(), 0)).append("] over ")
                .append(ready.n()).append(" starts.\n\n");
        verdicts.add(new String[] {"container ready < 1.5 s", fmt(ready.median(), 0) + " ms",
                verdict(ready.median() < TARGET_READY_MILLIS)});
        verdicts.add(new String[] {"image < 100 MB", mib(container.sizeBytes()) + " MiB",
                verdict(container.sizeBytes() < TARGET_IMAGE_BYTES)});
    }

    // ------------------------------------------------------------------ helpers

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Figure fig(Collection<RunResult> results, String method, String param, String value,
                              String secondary, double scale) {
        return result(results, method, null, param, value).map(r -> figure(r, secondary, scale)).orElse(null);
    }

    private static String text(Figure f, int decimals) {
        return f == null ? "–" : f.text(decimals);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    static String mib(double bytes) {
        return fmt(bytes / (1024 * 1024), 1);
    }

    static String fmt(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

}
