package io.github.sagemakerfake.benchmarks;

import io.github.sagemakerfake.benchmarks.consumer.ConsumerSuite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What a realistic suite costs on the fake against the same suite on Mockito mocks and against an
 * empty suite (docs/benchmarks.md, "A test as cheap as a mock"). Each run is a fresh JVM running the
 * JUnit Platform launcher, as Surefire's forked JVM does, on one of the consumer suites, all with the
 * same workload (a workforce, 3 teams, list, describe, assert) and the same parameterized method:
 *
 * <ul>
 * <li>{@code empty}: the method with nothing in it (the JUnit and JVM floor);</li>
 * <li>{@code mockito}: {@code MockitoExtension}, a mock per test, strict stubs and a verify;</li>
 * <li>{@code fake}: {@code @SageMakerWorkforceTest}, a fresh fake and client per test (the default);</li>
 * <li>{@code perClass}: one fake for the class, {@code reset()} before each test;</li>
 * <li>{@code sdkFloor} (named on the command line only): the same tests and SDK client configuration
 *     over the fake's recorded answers, so the SDK runs every call and the fake none: what a suite
 *     costs whatever the fake does.</li>
 * </ul>
 *
 * <p>Runs are interleaved (every variant once per round) so that the machine's load hits all alike;
 * the figure is the process's whole CPU time, JVM start-up included, as a build pays it. With
 * {@code -Dbench.before.cp=<classpath>} the {@code fake} and {@code perClass} suites also run over
 * that classpath (a build of an earlier commit with the same suites), as {@code fake@before} and
 * {@code perClass@before}, in the same rounds.
 *
 * <pre>java [-Dbench.before.cp=...] -cp benchmarks/target/benchmarks.jar io.github.sagemakerfake.benchmarks.ConsumerSuiteBenchmark [rounds] [tests,...] [variants,...]</pre>
 */
public final class ConsumerSuiteBenchmark {

    /** One suite run: CPU and wall time of its JVM. */
    record Run(String variant, int tests, long passed, long failed, long cpuNanos, long uptimeMillis) {
    }

    static final List<String> DEFAULT_VARIANTS = List.of("empty", "mockito", "fake", "perClass");

    private ConsumerSuiteBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int[] sizes = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {100, 1000};
        List<String> kinds = args.length > 2 ? List.of(args[2].split(",")) : DEFAULT_VARIANTS;
        Map<String, String> variants = new LinkedHashMap<>();
        String before = System.getProperty("bench.before.cp");
        for (String kind : kinds) {
            variants.put(kind, System.getProperty("java.class.path"));
            if (before != null && (kind.equals("fake") || kind.equals("perClass"))) {
                variants.put(kind + "@before", before);
            }
        }
        System.out.println(markdown(measure(rounds, variants, sizes), rounds));
    }

    /** Every variant and size once per round, interleaved; one unmeasured run of each first. */
    static List<Run> measure(int rounds, Map<String, String> variants, int... sizes) {
        List<Run> runs = new ArrayList<>();
        variants.forEach((variant, cp) -> run(variant, cp, 10)); // unmeasured: page cache warm for all
        for (int round = 0; round < rounds; round++) {
            for (int size : sizes) {
                for (Map.Entry<String, String> v : variants.entrySet()) {
                    Run run = run(v.getKey(), v.getValue(), size);
                    System.err.printf(Locale.ROOT, "round %d: %s %,d tests: %,.0f ms CPU%n", round + 1, v.getKey(),
                            size, run.cpuNanos() / 1e6);
                    runs.add(run);
                }
            }
        }
        return runs;
    }

    static List<Run> measure(int rounds, int... sizes) {
        Map<String, String> variants = new LinkedHashMap<>();
        for (String kind : DEFAULT_VARIANTS) {
            variants.put(kind, System.getProperty("java.class.path"));
        }
        return measure(rounds, variants, sizes);
    }

    static Run run(String variant, String classpath, int tests) {
        String kind = variant.contains("@") ? variant.substring(0, variant.indexOf('@')) : variant;
        List<String> command = List.of(Subprocesses.javaExecutable(), "-cp", classpath,
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
                throw new IllegalStateException("the " + variant + " suite printed no result:\n" + output);
            }
            String[] f = result.split(" ");
            Run run = new Run(variant, tests, Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                    Long.parseLong(f[4]));
            if (run.failed() > 0 || run.passed() != tests) {
                throw new IllegalStateException("the " + variant + " suite did not pass: " + run + "\n" + output);
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
        List<String> variants = runs.stream().map(Run::variant).distinct().toList();
        int[] sizes = runs.stream().mapToInt(Run::tests).distinct().sorted().toArray();
        boolean withMockito = variants.contains("mockito");
        StringBuilder out = new StringBuilder();
        out.append("Process CPU (ms), median [min–max] of ").append(rounds).append(" interleaved rounds");
        out.append(withMockito ? "; ÷ Mockito in parentheses" : "").append(".\n\n| variant |");
        for (int size : sizes) {
            out.append(String.format(Locale.ROOT, " N=%,d |", size));
        }
        out.append(sizes.length >= 2 ? " marginal CPU per test (ms) | above the empty suite (ms) |\n" : "\n");
        out.append("|---|").append("---|".repeat(sizes.length + (sizes.length >= 2 ? 2 : 0))).append('\n');
        for (String variant : variants) {
            out.append("| ").append(variant).append(" |");
            for (int size : sizes) {
                double cpu = median(runs, variant, size, Run::cpuNanos);
                long[] all = runs.stream().filter(r -> r.variant().equals(variant) && r.tests() == size)
                        .mapToLong(Run::cpuNanos).sorted().toArray();
                out.append(String.format(Locale.ROOT, " %,.0f [%,.0f–%,.0f]", cpu / 1e6, all[0] / 1e6,
                        all[all.length - 1] / 1e6));
                if (withMockito && !variant.equals("mockito")) {
                    out.append(String.format(Locale.ROOT, " (%.2f×)", cpu / median(runs, "mockito", size, Run::cpuNanos)));
                }
                out.append(" |");
            }
            if (sizes.length >= 2) {
                double marginal = marginal(runs, variant, sizes);
                out.append(String.format(Locale.ROOT, " %.2f |", marginal));
                out.append(variants.contains("empty") && !variant.equals("empty")
                        ? String.format(Locale.ROOT, " %.2f |", marginal - marginal(runs, "empty", sizes)) : " – |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Process CPU per test from the smallest to the largest suite, in ms. */
    private static double marginal(List<Run> runs, String variant, int[] sizes) {
        int small = sizes[0];
        int large = sizes[sizes.length - 1];
        return (median(runs, variant, large, Run::cpuNanos) - median(runs, variant, small, Run::cpuNanos))
                / (large - small) / 1e6;
    }

    private static double median(List<Run> runs, String variant, int size, ToLongFunction<Run> value) {
        long[] v = runs.stream().filter(r -> r.variant().equals(variant) && r.tests() == size).mapToLong(value)
                .sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }
}
