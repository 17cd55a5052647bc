package io.github.sagemakerfake.benchmarks;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.internal.remote.AdminPaths;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Benchmarks 4 and 5 of docs/benchmarks.md, measured outside JMH: heap held per account and region, the
 * standalone server's resident memory, and the container's start-to-ready time and image size.
 */
final class Measurements {

    private Measurements() {
    }

    /** Median and spread of a few samples. */
    record Sample(double median, double min, double max, int n) {
        static Sample of(double... values) {
            double[] v = values.clone();
            Arrays.sort(v);
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            return new Sample(median, v[0], v[v.length - 1], v.length);
        }

        static Sample of(List<Double> values) {
            return of(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    // ------------------------------------------------------------------ heap per account/region

    /**
     * Heap held by the state of one account and region with {@code teams} work teams: a fake
     * seeded with {@code regions} accounts (us-east-1 each), used heap after full GCs minus the
     * same before seeding, divided by {@code regions}. Seeding goes through the same validation
     * and rules as CreateWorkteam (the first Cognito team creates the workforce "default"), but
     * leaves the request journal out of the figure.
     *
     * @return bytes per region, one value per round
     */
    static Sample heapPerRegion(int regions, int teams, int rounds) {
        String doc = seedDocument(regions, teams);
        // Warm up: load and initialize every class the seeding touches, outside the measurement.
        try (SageMakerWorkforceFake warm = SageMakerWorkforceFake.create()) {
            warm.seed(seedDocument(2, teams));
        }
        double[] perRegion = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
            long before = usedHeapAfterGc();
            fake.seed(doc);
            long after = usedHeapAfterGc();
            int seeded = fake.snapshot().regions().size();
            if (seeded != regions) {
                throw new IllegalStateException("seeded " + seeded + " regions, expected " + regions);
            }
            Reference.reachabilityFence(fake);
            Reference.reachabilityFence(doc);
            perRegion[round] = (after - before) / (double) regions;
            fake.close();
        }
        return Sample.of(perRegion);
    }

    /** {"Regions": [{"Account": ..., "Region": "us-east-1", "Workteams": [CreateWorkteam requests]}]}. */
    static String seedDocument(int regions, int teams) {
        StringBuilder sb = new StringBuilder(regions * teams * 420);
        sb.append("{\"Regions\":[");
        for (int r = 0; r < regions; r++) {
            String account = String.format(Locale.ROOT, "%012d", 100_000_000_000L + r);
            if (r > 0) {
                sb.append(',');
            }
            sb.append("{\"Account\":\"").append(account).append("\",\"Region\":\"us-east-1\",\"Workteams\":[");
            for (int t = 0; t < teams; t++) {
                if (t > 0) {
                    sb.append(',');
                }
                String name = "team-" + t;
                sb.append("{\"WorkteamName\":\"").append(name).append("\",")
                        .append("\"Description\":\"Labelers of ").append(name).append(" for the benchmark\",")
                        .append("\"MemberDefinitions\":[{\"CognitoMemberDefinition\":{\"UserPool\":\"us-east-1_abc123\",")
                        .append("\"ClientId\":\"benchclient\",\"UserGroup\":\"group-").append(t).append("\"}}],")
                        .append("\"NotificationConfiguration\":{\"NotificationTopicArn\":\"arn:aws:sns:us-east-1:")
                        .append(account).append(":labels-").append(t).append("\"},")
                        .append("\"Tags\":[{\"Key\":\"team\",\"Value\":\"").append(name)
                        .append("\"},{\"Key\":\"env\",\"Value\":\"bench\"}]}");
            }
            sb.append("]}");
        }
        return sb.append("]}").toString();
    }

    static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Subprocesses.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    // ------------------------------------------------------------------ server resident memory

    /** RSS of the standalone server, idle and after 25 work teams (and 100 reads of one). */
    record Rss(String server, Sample idle, Sample loaded, int teams) {
    }

    static Rss serverRss(List<String> jvmArgs, int teams, int runs) {
        List<Double> idle = new ArrayList<>();
        List<Double> loaded = new ArrayList<>();
        String description = null;
        for (int run = 0; run < runs; run++) {
            try (Subprocesses.Server server = Subprocesses.startFakeServer(jvmArgs)) {
                description = server.description;
                Subprocesses.sleep(500);
                idle.add((double) Subprocesses.residentBytes(server.pid()));
                try (SageMakerClient client = Fixtures.httpClient(server.endpoint)) {
                    for (int t = 0; t < teams; t++) {
                        client.createWorkteam(Fixtures.createRequest("team-" + t));
                    }
                    for (int i = 0; i < 100; i++) {
                        client.describeWorkteam(r -> r.workteamName("team-0"));
                    }
                    if (client.listWorkteams(r -> r.maxResults(100)).workteams().size() != teams) {
                        throw new IllegalStateException("the server does not hold " + teams + " teams");
                    }
                }
                Subprocesses.sleep(500);
                loaded.add((double) Subprocesses.residentBytes(server.pid()));
            }
        }
        return new Rss(description, Sample.of(idle), Sample.of(loaded), teams);
    }

    // ------------------------------------------------------------------ container

    /** Start-to-ready and size of the image, or why they were not measured. */
    record Container(String image, Sample readyMillis, long sizeBytes, String notMeasured) {
    }

    static Container container(int runs) {
        String wanted = System.getProperty("bench.image");
        if (Subprocesses.run(Duration.ofSeconds(20), "docker", "version", "--format", "{{.Server.Version}}").isEmpty()) {
            return new Container(null, null, -1, "no Docker daemon reachable");
        }
        String found = wanted;
        if (found == null) {
            Optional<String> listed = Subprocesses.run(Duration.ofSeconds(20), "docker", "images", "--format",
                    "{{.Repository}}:{{.Tag}}", "sagemaker-workforce-fake");
            found = listed.flatMap(s -> s.lines().filter(l -> !l.endsWith(":<none>")).findFirst()).orElse(null);
        }
        final String image = found;
        if (image == null) {
            return new Container(null, null, -1, "no image sagemaker-workforce-fake:* on this machine (the container "
                    + "image has not been built yet); -Dbench.image=NAME to name one");
        }
        long size = Subprocesses.run(Duration.ofSeconds(20), "docker", "image", "inspect", "--format", "{{.Size}}",
                image).map(Long::parseLong).orElse(-1L);
        String exposed = Subprocesses.run(Duration.ofSeconds(20), "docker", "image", "inspect", "--format",
                "{{range $p, $v := .Config.ExposedPorts}}{{$p}} {{end}}", image).orElse("");
        String containerPort = exposed.isBlank() ? "9324/tcp" : exposed.trim().split("\\s+")[0];
        if (!containerPort.contains("/")) {
            containerPort += "/tcp";
        }
        List<Double> ready = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long t0 = System.nanoTime();
            Optional<String> id = Subprocesses.run(Duration.ofSeconds(60), "docker", "run", "-d", "--rm", "-p",
                    "127.0.0.1::" + containerPort.substring(0, containerPort.indexOf('/')), image);
            if (id.isEmpty()) {
                return new Container(image, null, size, "docker run " + image + " failed");
            }
            try {
                String mapped = Subprocesses.run(Duration.ofSeconds(20), "docker", "port", id.get(), containerPort)
                        .flatMap(s -> s.lines().filter(l -> l.startsWith("127.0.0.1:")).findFirst())
                        .orElseThrow(() -> new IllegalStateException("no port mapping for " + image));
                URI health = URI.create("http://" + mapped + AdminPaths.HEALTH);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                boolean up = false;
                while (System.nanoTime() < deadline) {
                    if (Subprocesses.httpStatus(health) == 200) {
                        up = true;
                        break;
                    }
                    Subprocesses.sleep(5);
                }
                if (!up) {
                    return new Container(image, null, size, "the container did not answer " + health + " in 30 s");
                }
                ready.add((System.nanoTime() - t0) / 1e6);
            } finally {
                Subprocesses.run(Duration.ofSeconds(30), "docker", "rm", "-f", id.get());
            }
        }
        return new Container(image, Sample.of(ready), size, null);
    }
}
