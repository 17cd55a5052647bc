package io.github.sagemakerfake.benchmarks;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ListWorkteamsResponse;

/**
 * How a full ListWorkteams listing (every page, 100 teams per page) grows with the
 * number of teams, in process, with the work-team limit raised. Each invocation lists all teams
 * once; single shot, because the slowest case once took tens of seconds.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar --jmh ListingBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ListingBenchmark {

    @Param({"100", "1000", "10000"})
    public int teams;

    @Param({"CreateDate", "Name"})
    public String sortBy;

    private SageMakerWorkforceFake fake;
    private SageMakerClient sageMaker;

    @Setup(Level.Trial)
    public void setUp() {
        // Teams created 1 ms apart, their names in another order than their creation (7919 is prime, so
        // i * 7919 mod n visits every index once): the CreateDate order is not the name order, as in
        // real use, so a listing cannot profit from an already sorted input.
        fake = SageMakerWorkforceFake.builder().maxWorkteams(teams)
                .clock(FakeClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"))).build();
        sageMaker = fake.client();
        for (int i = 0; i < teams; i++) {
            String name = String.format("team-%05d", (int) ((i * 7919L) % teams));
            sageMaker.createWorkteam(r -> r.workteamName(name).description("d").memberDefinitions(m -> m
                    .cognitoMemberDefinition(c -> c.userPool("us-east-1_Pool1").clientId("client").userGroup("g"))));
            fake.advanceClock(Duration.ofMillis(1));
        }
        fake.clearJournal();
        if (listAll() != teams) {
            throw new IllegalStateException("the listing did not return every team");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fake.close();
    }

    @Benchmark
    public int fullListing() {
        return listAll();
    }

    private int listAll() {
        int listed = 0;
        String token = null;
        do {
            String next = token;
            ListWorkteamsResponse page = sageMaker.listWorkteams(r -> r.sortBy(sortBy).maxResults(100).nextToken(next));
            listed += page.workteams().size();
            token = page.nextToken();
        } while (token != null);
        return listed;
    }
}
