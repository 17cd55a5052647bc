package io.github.sagemakerfake;

import static io.github.sagemakerfake.Requests.cognitoTeam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.internal.journal.Journal;
import io.github.sagemakerfake.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** The journal keeps what the fake answered and how long it took, as the web console shows it. */
class JournalAnswerTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void aSuccessKeepsTheResponseBodyAndTheLatency() {
        String arn = sageMaker.createWorkteam(cognitoTeam("labelers")).workteamArn();

        JournalEntry entry = fake.journal().get(0);
        assertThat(entry.response()).isEqualTo(Map.of("WorkteamArn", arn));
        assertThat(entry.responseTruncated()).isFalse();
        assertThat(entry.latency()).isNotNull();
        assertThat(entry.latency().isNegative()).isFalse();
    }

    @Test
    void anErrorKeepsItsWireBody() {
        assertThatThrownBy(() -> sageMaker.describeWorkteam(r -> r.workteamName("missing")))
                .isInstanceOf(SageMakerException.class);

        JournalEntry entry = fake.journal().get(0);
        assertThat(entry.response()).containsEntry("__type", "ValidationException")
                .containsEntry("message", entry.errorMessage()).hasSize(2);
    }

    @Test
    void aConnectionFaultAnswersNoBody() {
        fake.addFault(FaultRule.forOperation("ListWorkteams").once().emptyResponse());
        sageMaker.listWorkteams(r -> { }); // the SDK retries the empty answer

        JournalEntry entry = fake.journal().get(0);
        assertThat(entry.statusCode()).isZero();
        assertThat(entry.response()).isNull();
        assertThat(fake.journal().get(1).response()).containsKey("Workteams");
    }

    @Test
    void aClientSecretInAnyBodyIsMaskedInTheJournal() {
        Journal journal = new Journal(10, Long.MAX_VALUE);
        journal.record(Instant.EPOCH, "id", "DescribeWorkforce", "123456789012", "us-east-1", Map.of(), 200, null,
                null, null, Duration.ofMillis(1), "{\"Workforce\":{\"OidcConfig\":{\"ClientId\":\"c\",\"ClientSecret\":\"s3cret\"}}}"
                        .getBytes(StandardCharsets.UTF_8));
        JournalEntry entry = journal.entries().get(0);
        assertThat(Json.write(entry.response())).doesNotContain("s3cret").contains("\"ClientId\":\"c\"");
    }

    @Test
    void aLargeResponseIsKeptAsAPrefix() {
        Journal journal = new Journal(10, Long.MAX_VALUE);
        String big = "{\"Workteams\":[" + String.join(",", java.util.Collections.nCopies(20_000,
                "{\"WorkteamName\":\"team\"}")) + "]}";
        journal.record(Instant.EPOCH, "id", "ListWorkteams", "123456789012", "us-east-1", Map.of(), 200, null, null,
                null, Duration.ZERO, big.getBytes(StandardCharsets.UTF_8));
        JournalEntry entry = journal.entries().get(0);
        assertThat(entry.responseTruncated()).isTrue();
        assertThat((java.util.List<?>) entry.response().get("Workteams")).hasSizeLessThan(20_000).isNotEmpty();
    }

    @Test
    void theWireFormCarriesLatencyAndResponseBothWays() {
        sageMaker.createWorkteam(cognitoTeam("labelers"));
        JournalEntry entry = fake.journal().get(0);

        @SuppressWarnings("unchecked")
        Map<String, Object> wire = (Map<String, Object>) Json.parse(Json.write(entry.toMap()));
        assertThat(wire).containsKeys("LatencyMillis", "Response", "ResponseTruncated");
        JournalEntry back = JournalEntry.fromMap(wire);
        assertThat(back.response()).isEqualTo(entry.response());
        assertThat(Math.abs(back.latency().toNanos() - entry.latency().toNanos())).isLessThanOrEqualTo(500); // to the µs
    }
}
