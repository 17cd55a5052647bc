package io.github.sagemakerfake;

import static io.github.sagemakerfake.Requests.cognitoTeam;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

class ConcurrencyTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void close() {
        pool.shutdownNow();
        fake.close();
    }

    private <T> List<Future<T>> race(int n, java.util.function.IntFunction<Callable<T>> task) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<T> body = task.apply(i);
            futures.add(pool.submit(() -> {
                start.await();
                return body.call();
            }));
        }
        start.countDown();
        return futures;
    }

    private static String outcome(Future<String> f) throws InterruptedException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause().getClass().getSimpleName();
        }
    }

    @Test
    void manyThreadsRacingToCreateTeamsNeverExceedTheLimit() throws Exception {
        SageMakerClient client = fake.client();
        List<Future<String>> results = race(100, i -> () -> {
            client.createWorkteam(cognitoTeam("team-" + i));
            return "created";
        });
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Future<String> f : results) {
            counts.merge(outcome(f), 1L, Long::sum);
        }

        assertThat(counts).containsEntry("created", 25L)
                .containsEntry(ResourceLimitExceededException.class.getSimpleName(), 75L).hasSize(2);
        assertThat(fake.state().workteams()).hasSize(25);
        assertThat(fake.snapshot().regions()).singleElement()
                .satisfies(r -> assertThat(r.workforce()).isPresent()); // exactly one implicit workforce
    }

    @Test
    void racingCreatesOfOneNameLetExactlyOneWin() throws Exception {
        SageMakerClient client = fake.client();
        List<Future<String>> results = race(32, i -> () -> {
            client.createWorkteam(cognitoTeam("same"));
            return "created";
        });
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(outcome(f));
        }
        assertThat(outcomes).filteredOn("created"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(ResourceInUseException.class.getSimpleName()::equals).hasSize(31);
    }

    @Test
    void concurrentTagUpdatesAreNeverLost() throws Exception {
        SageMakerClient client = fake.client();
        String arn = client.createWorkteam(cognitoTeam("t")).workteamArn();
        List<Future<String>> results = race(48, i -> () -> {
            client.addTags(r -> r.resourceArn(arn).tags(Tag.builder().key("k" + i).value("v" + i).build()));
            return "ok";
        });
        for (Future<String> f : results) {
            assertThat(outcome(f)).isEqualTo("ok");
        }
        assertThat(fake.state().workteam("t").orElseThrow().tags()).hasSize(48);
    }

    @Test
    void snapshotsNeverShowAHalfAppliedUpdate() throws Exception {
        SageMakerClient client = fake.client();
        client.createWorkteam(cognitoTeam("t"));
        List<Future<String>> writers = race(8, i -> () -> {
            for (int j = 0; j < 50; j++) {
                String text = "writer-" + i + "-" + j;
                client.updateWorkteam(r -> r.workteamName("t").description(text)
                        .memberDefinitions(Requests.cognitoMember(text)));
            }
            return "ok";
        });
        for (int k = 0; k < 200; k++) {
            var team = fake.state().workteam("t").orElseThrow();
            if (!team.description().equals("Team t")) {
                assertThat(team.cognitoUserGroups()).containsExactly(team.description());
            }
        }
        for (Future<String> f : writers) {
            assertThat(outcome(f)).isEqualTo("ok");
        }
    }
}
