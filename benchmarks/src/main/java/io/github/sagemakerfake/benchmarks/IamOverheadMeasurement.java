package io.github.sagemakerfake.benchmarks;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * What IAM enforcement costs an in-process {@code DescribeWorkteam} (docs/benchmarks.md, "IAM
 * enforcement"), measured side by side in one JVM, interleaved so that a machine shared with other
 * builds slows every variant alike: rounds of calls on each variant in a new random order per round,
 * and the median of each variant's rounds, in CPU time of the calling thread (which time spent
 * waiting for a core does not inflate) and in wall time.
 *
 * <p>Variants: {@code off} (this build, no policy: the protocol reads one volatile field), a second
 * {@code off} fake (the noise floor: two identical variants differ by this much), {@code allowAll}
 * and {@code realistic} (a policy of eight statements with conditions, evaluated on every call) and,
 * given the core jar of the build before IAM existed, {@code before} (that core, loaded in its own
 * class loader beside the same SDK) and, given this build's core jar too, the same for this build:
 * a second copy of the fake's classes has JIT profiles of its own, so only two such copies compare
 * like for like.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.sagemakerfake.benchmarks.IamOverheadMeasurement \
 *     [BEFORE_CORE_JAR [THIS_CORE_JAR]]
 * </pre>
 */
public final class IamOverheadMeasurement {

    static final int ROUNDS = 200;
    static final int CALLS_PER_ROUND = 250;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private IamOverheadMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, SageMakerClient> variants = new LinkedHashMap<>();
        List<AutoCloseable> closing = new ArrayList<>();
        if (args.length > 0) {
            variants.put("before (own loader)", isolated(Path.of(args[0]), false, closing));
        }
        if (args.length > 1) { // the same class-loading set-up for this build: a like-for-like pair
            variants.put("off (own loader)", isolated(Path.of(args[1]), true, closing));
        }
        variants.put("off", fake(null, closing));
        variants.put("off (second fake)", fake(null, closing));
        variants.put("allowAll", fake(IamEnforcementBenchmark.ALLOW_ALL, closing));
        variants.put("realistic", fake(IamEnforcementBenchmark.REALISTIC, closing));

        for (int warm = 0; warm < 10; warm++) { // JIT warm-up of every path
            for (SageMakerClient client : variants.values()) {
                round(client);
            }
        }
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        variants.keySet().forEach(k -> {
            cpu.put(k, new ArrayList<>());
            wall.put(k, new ArrayList<>());
        });
        List<String> order = new ArrayList<>(variants.keySet());
        Random random = new Random(42);
        for (int r = 0; r < ROUNDS; r++) {
            Collections.shuffle(order, random);
            for (String name : order) {
                double[] times = round(variants.get(name));
                cpu.get(name).add(times[0]);
                wall.get(name).add(times[1]);
            }
        }
        double cpuOff = median(cpu.get("off"));
        double wallOff = median(wall.get("off"));
        System.out.printf(Locale.ROOT, "%-20s %12s %16s %10s %12s %10s%n", "variant", "CPU us/call", "CPU p25-p75",
                "CPU vs off", "wall us/call", "wall vs off");
        for (String name : variants.keySet()) {
            double[] sorted = cpu.get(name).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-20s %12.2f %7.2f-%-8.2f %9.3fx %12.2f %9.3fx%n", name,
                    median(cpu.get(name)), sorted[sorted.length / 4], sorted[sorted.length * 3 / 4],
                    median(cpu.get(name)) / cpuOff, median(wall.get(name)), median(wall.get(name)) / wallOff);
        }
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    /** Microseconds per call of one round: calling-thread CPU, wall. */
    private static double[] round(SageMakerClient client) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < CALLS_PER_ROUND; i++) {
            if (client.describeWorkteam(Fixtures.DESCRIBE).workteam() == null) {
                throw new IllegalStateException("no team");
            }
        }
        long wallNanos = System.nanoTime() - start;
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
        return new double[] {cpuNanos / 1_000.0 / CALLS_PER_ROUND, wallNanos / 1_000.0 / CALLS_PER_ROUND};
    }

    private static SageMakerClient fake(String policy, List<AutoCloseable> closing) {
        SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder().journalCapacity(1).build();
        closing.add(fake);
        SageMakerClient client = fake.client();
        client.createWorkteam(Fixtures.CREATE_TEAM);
        if (policy != null) {
            fake.setIamPolicy(policy);
        }
        return client;
    }

    /** A core jar in a loader of its own, child-first for the fake's own classes, the SDK shared with this JVM. */
    private static SageMakerClient isolated(Path coreJar, boolean hasIam, List<AutoCloseable> closing)
            throws Exception {
        ClassLoader parent = IamOverheadMeasurement.class.getClassLoader();
        URLClassLoader loader = new URLClassLoader(new URL[] {coreJar.toUri().toURL()}, parent) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.startsWith("io.github.sagemakerfake.")) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    if (c == null) {
                        c = findClass(name);
                    }
                    return c;
                }
            }
        };
        Class<?> fakeClass = loader.loadClass("io.github.sagemakerfake.SageMakerWorkforceFake");
        Object builder = fakeClass.getMethod("builder").invoke(null);
        builder.getClass().getMethod("journalCapacity", int.class).invoke(builder, 1);
        Object fake = builder.getClass().getMethod("build").invoke(builder);
        closing.add((AutoCloseable) fake);
        closing.add(loader);
        if (Arrays.stream(fakeClass.getMethods()).anyMatch(m -> m.getName().equals("setIamPolicy")) != hasIam) {
            throw new IllegalArgumentException(coreJar + (hasIam ? " has no IAM: give this build's core jar"
                    : " already has IAM: give the core jar of a build before it"));
        }
        SageMakerClient client = (SageMakerClient) fakeClass.getMethod("client").invoke(fake);
        client.createWorkteam(Fixtures.CREATE_TEAM);
        return client;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
