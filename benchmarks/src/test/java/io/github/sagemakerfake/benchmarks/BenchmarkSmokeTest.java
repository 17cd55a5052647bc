package io.github.sagemakerfake.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every benchmark and measurement runs once, briefly and without forks, so CI knows they still
 * execute. Asserts that each produced a result and that the fake answered without errors; never
 * a timing.
 */
class BenchmarkSmokeTest {

    @Test
    @Timeout(120)
    void everyBenchmarkRuns(@TempDir Path out) throws Exception {
        Report report = BenchMain.run(true, new LinkedHashSet<>(BenchMain.PARTS), out);

        assertEquals(10, report.inProcess.size(), "2 calls x 5 clients");
        report.inProcess.forEach(r -> assertNotNull(Report.figure(r), r.getParams().id()));
        assertEquals(10, report.fresh.size(), "the fresh-fake benchmarks, pooled and unpooled clients");
        report.fresh.forEach(r -> assertNotNull(Report.figure(r), r.getParams().id()));

        boolean moto = Subprocesses.motoServer().isPresent();
        int servers = moto ? 4 : 3;
        assertEquals(servers * 2, report.loopback.size(), "servers x (throughput, sample)");
        assertEquals(servers * 2, report.loopbackCalls.size());
        for (String[] calls : report.loopbackCalls) {
            assertTrue(Long.parseLong(calls[3]) > 0, String.join(" ", calls));
            if (calls[0].startsWith("fake")) {
                assertEquals("0", calls[4], "errors: " + String.join(" ", calls));
            }
        }
        assertTrue(report.failures().isEmpty(), report.failures().toString());

        assertTrue(report.heapPerRegion.median() > 0);
        assertTrue(report.rss.get(0).loaded().median() > 0);
        assertNotNull(report.container);

        String md = Files.readString(out.resolve("report.md"));
        assertFalse(md.isBlank());
        for (String section : List.of("### 1.", "### 2.", "### 3.", "### 4.", "### 5.")) {
            assertTrue(md.contains(section), section);
        }
    }
}
