package io.github.sagemakerfake.internal.protocol;

import io.github.sagemakerfake.internal.admin.FaultRuleJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No input can make the fake answer 5xx, store or render a value much larger than the input, or
 * grow without bound: hostile numbers, oversized strings and bodies each get a 4xx that says why.
 */
class BoundedInputTest {

    private final FakeEndpoint fake = new FakeEndpoint(FakeSettings.defaults());

    private ProtocolResponse send(String operation, String body) {
        return send(operation, body.getBytes(StandardCharsets.UTF_8));
    }

    private ProtocolResponse send(String operation, byte[] body) {
        return fake.handle(new ProtocolRequest("POST", "/", "", Map.of(
                "Content-Type", List.of("application/x-amz-json-1.1"),
                "X-Amz-Target", List.of("SageMaker." + operation)), body));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(ProtocolResponse response) {
        return (Map<String, Object>) Json.parse(response.body());
    }

    /** Every journal read still answers, and renders no more than the bodies' own size (plus bookkeeping). */
    private void journalStaysSmall() {
        String rendered = Json.write(fake.journal().stream().map(JournalEntry::toMap).toList());
        assertThat(rendered.length()).isLessThan(20_000 * Math.max(1, fake.journal().size()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"X\":1e99999999}", "{\"X\":1e2147483647}", "{\"X\":1e9999999999}",
        "{\"X\":-1e-99999999}", "{\"MaxResults\":1e2147483648}", "{\"X\":0e999999}"})
    void numbersOfHugeMagnitudeAreASerializationError(String body) {
        ProtocolResponse response = send("ListWorkteams", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).containsEntry("__type", "SerializationException");
        assertThat((String) error(response).get("message")).contains("out of range", "1e1000");
        journalStaysSmall();
    }

    @Test
    void aLargeButAcceptedNumberIsNotRenderedLargerThanItsText() {
        ProtocolResponse response = send("ListWorkteams", "{\"X\":1e999,\"Y\":123.456e-900}");

        assertThat(response.statusCode()).isEqualTo(200);
        String journal = Json.write(fake.journal().get(0).toMap());
        assertThat(journal).contains("1E+999").hasSizeLessThan(1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999", "1e300", "-1e20", "253402300800", "1e999999999"})
    void timestampsOutOfRangeAreA400ThatSaysTheRange(String time) {
        ProtocolResponse response = send("ListLabelingJobsForWorkteam", "{\"WorkteamArn\":\"arn:aws:sagemaker:"
                + "us-east-1:123456789012:workteam/private-crowd/t\",\"CreationTimeAfter\":" + time + "}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).containsEntry("__type", "SerializationException");
        if (!time.equals("1e999999999")) {
            assertThat((String) error(response).get("message")).contains("creationTimeAfter",
                    "-62135596800", "253402300799");
        }
    }

    @Test
    void tenMegabyteStringsGetACodedErrorNotAHugeMessage() {
        String name = "a".repeat(10 * 1024 * 1024);
        ProtocolResponse response = send("DescribeWorkteam", "{\"WorkteamName\":\"" + name + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).containsEntry("__type", "SerializationException");
        assertThat(response.body().length).isLessThan(1_000);

        // A string under the body limit but over the string limit.
        ProtocolResponse longString = send("DescribeWorkteam",
                "{\"WorkteamName\":\"" + "b".repeat(Json.MAX_STRING_LENGTH + 1) + "\"}");
        assertThat(error(longString)).containsEntry("__type", "SerializationException");
        assertThat((String) error(longString).get("message")).contains("String longer than 1048576 characters");
    }

    @Test
    void validationMessagesEchoABoundedPrefixOfAValue() {
        ProtocolResponse response = send("DescribeWorkteam", "{\"WorkteamName\":\"" + "c".repeat(900_000) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        String message = (String) error(response).get("message");
        assertThat(error(response)).containsEntry("__type", "ValidationException");
        assertThat(message).hasSizeLessThan(3_000).contains("c".repeat(1024) + "...'")
                .contains("at 'workteamName' failed to satisfy constraint: Member must have length less than or "
                        + "equal to 63");
    }

    @Test
    void oneMegabyteOfEmptyTagKeysGivesAShortMessageWithTheExactCount() {
        StringBuilder body = new StringBuilder("{\"ResourceArn\":\"arn:aws:sagemaker:us-east-1:123456789012:"
                + "workteam/private-crowd/t\",\"Tags\":[");
        int tags = 0;
        while (body.length() < 1024 * 1024 - 40) {
            body.append(tags++ == 0 ? "" : ",").append("{\"Key\":\"\",\"Value\":\"\"}");
        }
        ProtocolResponse response = send("AddTags", body.append("]}").toString());

        assertThat(response.statusCode()).isEqualTo(400);
        String message = (String) error(response).get("message");
        assertThat(message).hasSizeLessThan(30_000).contains("more not shown");
        assertThat(message).matches("\\d+ validation errors detected: .*");
        assertThat(Long.parseLong(message.substring(0, message.indexOf(' ')))).isGreaterThan(tags);
        JournalEntry entry = fake.journal().get(0);
        assertThat(entry.requestTruncated()).isTrue();
        assertThat(entry.toMap()).containsEntry("RequestTruncated", true);
        assertThat(Json.write(entry.toMap()).length()).isLessThan(200_000);
    }

    @Test
    void theJournalIsBoundedInBytesAndKeepsTheNewestEntries() {
        FakeEndpoint small = new FakeEndpoint(FakeSettings.defaults()
                .withLimits(FakeSettings.defaults().limits().withJournalMaxBytes(1024 * 1024)));
        String big = "{\"WorkteamName\":\"t\",\"Description\":\"" + "d".repeat(900_000) + "\"}";
        for (int i = 0; i < 60; i++) {
            small.handle(new ProtocolRequest("POST", "/", "", Map.of(
                    "Content-Type", List.of("application/x-amz-json-1.1"),
                    "X-Amz-Target", List.of("SageMaker.DescribeWorkteam")), big.getBytes(StandardCharsets.UTF_8)));
        }

        List<JournalEntry> journal = small.journal();
        assertThat(journal.size()).isBetween(2, 59);
        assertThat(journal.get(journal.size() - 1).sequence()).isEqualTo(60);
        JournalEntry last = journal.get(journal.size() - 1);
        assertThat(last.requestTruncated()).isTrue();
        assertThat((String) last.request().get("Description")).hasSize(8 * 1024 + 3).endsWith("...");
        assertThat(last.request()).containsEntry("WorkteamName", "t");

        // A small request is kept whole and unmarked.
        send("ListWorkteams", "{\"MaxResults\":5}");
        assertThat(fake.journal().get(0).requestTruncated()).isFalse();
        assertThat(fake.journal().get(0).request()).containsEntry("MaxResults", new java.math.BigDecimal("5"));
    }

    @Test
    void deepNestingIsRefused() {
        ProtocolResponse response = send("ListWorkteams", "{\"X\":" + "[".repeat(100) + "]".repeat(100) + "}");

        assertThat(error(response)).containsEntry("__type", "SerializationException");
        assertThat((String) error(response).get("message")).contains("nested deeper than 64");
    }

    @Test
    void faultRuleNumbersAreRangeCheckedWithTheRange() {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("Operation", "CreateWorkteam");
        rule.put("Outcome", "ERROR");
        rule.put("ErrorCode", "Boom");
        rule.put("StatusCode", new java.math.BigDecimal("4294967696"));
        assertThatThrownBy(() -> FaultRuleJson.fromJson(rule)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"StatusCode\" must be a whole number from 400 to 599").hasMessageContaining("4294967696");

        rule.put("StatusCode", new java.math.BigDecimal("400"));
        rule.put("MinLatencyMillis", new java.math.BigDecimal("1e16"));
        assertThatThrownBy(() -> FaultRuleJson.fromJson(rule)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"MinLatencyMillis\" must be a whole number from 0 to 600000");

        rule.remove("MinLatencyMillis");
        rule.put("Times", new java.math.BigDecimal("1e99"));
        assertThatThrownBy(() -> FaultRuleJson.fromJson(rule)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"Times\" must be a whole number from 1 to 2147483647");

        rule.put("Times", new java.math.BigDecimal("2"));
        rule.put("Probability", new java.math.BigDecimal("1.5"));
        assertThatThrownBy(() -> FaultRuleJson.fromJson(rule)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("greater than 0 and at most 1");

        assertThatThrownBy(() -> FaultRule.forAnyOperation().withLatency(Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 600000 ms");
    }

    @Test
    void clockMovesAreRangeChecked() {
        FakeClock clock = FakeClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
        assertThatThrownBy(() -> FakeClock.advanceFromMillis(new java.math.BigDecimal("1e18")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"AdvanceMillis\" must be a whole number from 0 to 6307200000000");
        assertThatThrownBy(() -> FakeClock.advanceFromMillis(new java.math.BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeClock.advanceFromMillis("60000")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a JSON number");
        assertThat(FakeClock.advanceFromMillis(new java.math.BigDecimal("60000"))).isEqualTo(Duration.ofMinutes(1));

        clock.advance(Duration.ofDays(150 * 365L));
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(100 * 365L))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 73000 days");
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(150 * 365L)));
    }

    @Test
    void aLongRegionInTheAuthorizationHeaderIsRefusedAndCreatesNoState() {
        String region = "us-" + "x".repeat(380_000) + "-1";
        ProtocolResponse response = fake.handle(new ProtocolRequest("POST", "/", "", Map.of(
                "Content-Type", List.of("application/x-amz-json-1.1"),
                "X-Amz-Target", List.of("SageMaker.CreateWorkteam"),
                "Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/" + region
                        + "/sagemaker/aws4_request, SignedHeaders=host, Signature=abc")),
                "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body().length).isLessThan(2_000);
        assertThat(fake.snapshot().regions()).isEmpty();
    }
}
