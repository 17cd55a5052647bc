package io.github.sagemakerfake.benchmarks;

import io.github.sagemakerfake.benchmarks.consumer.ConsumerSuite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a realistic suite costs on the fake against the same suite on Mockito mocks.
 * Each run is a fresh JVM running the JUnit Platform launcher on {@code FakeConsumerTest} (a fresh
 * fake and client per test, through {@code @SageMakerWorkforceTest}) or {@code MockitoConsumerTest}
 * ({@code MockitoExtension}, strict stubs), the same workload: a workforce, 3 teams, list,
 * describe, assert. Runs are interleaved (fake, Mockito, fake, ...) so that the machine's load hits
 * both alike; the figure is the process's whole CPU time, JVM start-up included, as a build pays it.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.sagemakerfake.benchmarks.ConsumerSuiteBenchmark [rounds] [tests,...]</pre>
 */
public final class ConsumerSuiteBenchmark {

    /** One suite run: CPU and wall time of its JVM. */
    record Run(String kind, int tests, long passed, long failed, long cpuNanos, long uptimeMillis) {
    }

    private ConsumerSuiteBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[] sizes = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {50, 1000};
        System.out.println(markdown(measure(rounds, sizes), rounds));
    }

    static List<Run> measure(int rounds, int... sizes) {
        List<Run> runs = new ArrayList<>();
        for (int size : sizes) {
            run("fake", size); // one of each unmeasured: the page cache and the JIT's code cache are warm for both
            run("mockito", size);
            for (int round = 0; round < rounds; round++) {
                runs.add(run("fake", size));
                runs.add(run("mockito", size));
            }
        }
        return runs;
    }

    static Run run(String kind, int tests) {
        List<String> command = List.of(Subprocesses.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                ConsumerSuite.class.getName(), kind, Integer.toString(tests));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String result = null;
            StringBuilder output = new StringBuilder();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("RESULT ")) {
                        result = line;
                    } else if (output.length() < 4_000) {
                        output.append(line).append('\n');
                    }
                }
            }
            process.waitFor();
            if (result == null) {
                throw new IllegalStateException("the " + kind + " suite printed no result:\n" + output);
            }
            String[] f = result.split(" ");
            Run run = new Run(kind, tests, Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                    Long.parseLong(f[4]));
            if (run.failed() > 0 || run.passed() != tests) {
                throw new IllegalStateException("the " + kind + " suite did not pass: " + run + "\n" + output);
            }
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String markdown(List<Run> runs, int rounds) {
        StringBuilder out = new StringBuilder();
        out.append("| tests | suite | process CPU (ms), median [min–max] of ").append(rounds)
                .append(" | wall (ms), median | fake ÷ Mockito (CPU) |\n");
        out.append("|---|---|---|---|---|\n");
        for (int size : runs.stream().mapToInt(Run::tests).distinct().toArray()) {
            double fake = median(runs, "fake", size, Run::cpuNanos);
            double mockito = median(runs, "mockito", size, Run::cpuNanos);
            for (String kind : List.of("fake", "mockito")) {
                double cpu = median(runs, kind, size, Run::cpuNanos);
                long[] all = runs.stream().filter(r -> r.kind().equals(kind) && r.tests() == size)
                        .mapToLong(Run::cpuNanos).sorted().toArray();
                out.append(String.format(Locale.ROOT, "| %,d | %s | %,.0f [%,.0f–%,.0f] | %,.0f | %s |%n", size,
                        kind.equals("fake") ? "fake per test" : "Mockito mocks", cpu / 1e6, all[0] / 1e6,
                        all[all.length - 1] / 1e6, median(runs, kind, size, r -> r.uptimeMillis() * 1_000_000L) / 1e6,
                        kind.equals("fake") ? String.format(Locale.ROOT, "%.2f×", fake / mockito) : ""));
            }
        }
        int[] sizes = runs.stream().mapToInt(Run::tests).distinct().sorted().toArray();
        if (sizes.length >= 2) {
            int small = sizes[0];
            int large = sizes[sizes.length - 1];
            for (String kind : List.of("fake", "mockito")) {
                double perTest = (median(runs, kind, large, Run::cpuNanos) - median(runs, kind, small, Run::cpuNanos))
                        / (large - small) / 1e3;
                out.append(String.format(Locale.ROOT, "%nMarginal process CPU per test (%s, from %,d to %,d tests): %.0f µs",
                        kind, small, large, perTest));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static double median(List<Run> runs, String kind, int size, java.util.function.ToLongFunction<Run> value) {
        long[] v = runs.stream().filter(r -> r.kind().equals(kind) && r.tests() == size).mapToLong(value).sorted()
                .toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }
}
