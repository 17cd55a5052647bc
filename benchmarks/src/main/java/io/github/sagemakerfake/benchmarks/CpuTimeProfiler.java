package io.github.sagemakerfake.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, two ways: {@code cpu.time.norm} (ns/op) counts every thread of the
 * benchmark JVM (benchmark threads, GC, JIT compiler, an in-process server) over the iteration;
 * {@code cpu.worker.norm} (ns/op) only JMH's benchmark threads, i.e. the calling threads' own
 * work, which neither JIT compilation nor other processes inflate.
 *
 * <p>Why: the machine these benchmarks run on is shared with other builds, and wall-clock time per
 * operation grows with every process that competes for its two cores, while the CPU time an
 * operation needs does not. Comparisons of two subjects on a loaded machine (fake vs SDK floor)
 * are made on this figure as well as on JMH's wall-clock score.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long startCpu;
    private long startWorkers;

    @Override
    public String getDescription() {
        return "CPU time of the whole benchmark JVM per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startWorkers = workerCpu();
        startCpu = os.getProcessCpuTime();
    }

    /** CPU time of JMH's worker threads (named {@code ...-jmh-worker-N}); they live for the whole trial. */
    private long workerCpu() {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().contains("jmh-worker")) {
                long cpu = threads.getThreadCpuTime(t.getId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }

    @Override
    @SuppressWarnings("rawtypes") // the JMH interface's own signature
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long cpu = os.getProcessCpuTime() - startCpu;
        long workers = workerCpu() - startWorkers;
        long ops = result.getMetadata() == null ? 0 : result.getMetadata().getAllOps();
        if (ops <= 0 || cpu < 0) {
            return List.of();
        }
        List<ScalarResult> results = new ArrayList<>();
        results.add(new ScalarResult("cpu.time.norm", cpu / (double) ops, "ns/op", AggregationPolicy.AVG));
        if (startWorkers > 0 && workers > 0) {
            results.add(new ScalarResult("cpu.worker.norm", workers / (double) ops, "ns/op", AggregationPolicy.AVG));
        }
        return results;
    }
}
