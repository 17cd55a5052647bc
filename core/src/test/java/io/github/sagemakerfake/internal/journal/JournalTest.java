package io.github.sagemakerfake.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A small request body is kept as its bytes and rendered on the first read of the journal
 * (docs/benchmarks.md, "A test as cheap as a mock"): the entry read must be the one a copy would
 * have given, and a secret must never show, whichever way the body was kept.
 */
class JournalTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final Journal journal = new Journal(100, 1 << 20);

    @SuppressWarnings("unchecked")
    private JournalEntry recordLazily(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> parsed = (Map<String, Object>) Json.parseRequest(bytes);
        journal.record(NOW, "req", "CreateWorkteam", "123456789012", "us-east-1", parsed, bytes, 200, null, null,
                null, Duration.ofMillis(1), null);
        List<JournalEntry> entries = journal.entries();
        return entries.get(entries.size() - 1);
    }

    @Test
    void aSmallBodyKeptAsBytesReadsAsTheBodySent() {
        JournalEntry entry = recordLazily("{\"WorkteamName\":\"t\",\"MemberDefinitions\":[{\"CognitoMemberDefinition\":"
                + "{\"UserPool\":\"p\",\"ClientId\":\"c\",\"UserGroup\":\"g\"}}],\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}],"
                + "\"MaxResults\":5}");

        assertThat(entry.request()).containsEntry("WorkteamName", "t")
                .containsEntry("MaxResults", new java.math.BigDecimal("5"))
                .containsKeys("MemberDefinitions", "Tags");
        assertThat(entry.request().keySet()).containsExactly("WorkteamName", "MemberDefinitions", "Tags", "MaxResults");
        assertThat(entry.requestTruncated()).isFalse();
        assertThat(entry.sequence()).isEqualTo(1);
        assertThat(journal.entries()).singleElement().isEqualTo(entry); // rendered once, the same entry after
    }

    @Test
    void aClientSecretNeverShowsWhetherTheBodyIsSmallOrLarge() {
        JournalEntry small = recordLazily("{\"WorkforceName\":\"w\",\"OidcConfig\":{\"ClientSecret\":\"s3cret\"}}");
        JournalEntry large = recordLazily("{\"WorkforceName\":\"w\",\"Description\":\"" + "d".repeat(10_000)
                + "\",\"OidcConfig\":{\"ClientSecret\":\"s3cret\"}}");

        for (JournalEntry entry : List.of(small, large)) {
            assertThat(((Map<?, ?>) entry.request().get("OidcConfig")).get("ClientSecret")).isEqualTo(Journal.REDACTED);
            assertThat(entry.request().toString()).doesNotContain("s3cret");
        }
    }

    /**
     * Entries are kept as arrays that dropped entries give back (docs/benchmarks.md, "The server's
     * tail"): an array reused for a shorter entry still holds the end of a longer one, and none of
     * it may show.
     */
    @Test
    void entriesReadTheSameWhenTheirArraysAreReusedForOtherEntries() {
        Journal small = new Journal(3, 1 << 20);
        for (int i = 0; i < 50; i++) {
            String name = "team-" + i + "-" + "x".repeat((i * 37) % 300); // long and short entries alternate
            byte[] response = ("{\"WorkteamArn\":\"arn:" + name + "\"}").getBytes(StandardCharsets.UTF_8);
            small.record(NOW.plusSeconds(i), "req-" + i, "DescribeWorkteam", "123456789012", "us-east-1",
                    Map.of("WorkteamName", name), ("{\"WorkteamName\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8),
                    i % 2 == 0 ? 200 : 400, i % 2 == 0 ? null : "ValidationException", i % 2 == 0 ? null : "bad " + i,
                    null, i % 3 == 0 ? null : Duration.ofMillis(i), i % 5 == 0 ? null : response);
            if (i % 7 == 0) {
                small.entries(); // decoded entries give their arrays back early
            }
        }

        List<JournalEntry> entries = small.entries();
        assertThat(entries).extracting(JournalEntry::sequence).containsExactly(48L, 49L, 50L);
        for (JournalEntry e : entries) {
            int i = (int) e.sequence() - 1;
            String name = "team-" + i + "-" + "x".repeat((i * 37) % 300);
            assertThat(e.requestId()).isEqualTo("req-" + i);
            assertThat(e.time()).isEqualTo(NOW.plusSeconds(i));
            assertThat(e.request()).isEqualTo(Map.of("WorkteamName", name));
            assertThat(e.statusCode()).isEqualTo(i % 2 == 0 ? 200 : 400);
            assertThat(e.errorCode()).isEqualTo(i % 2 == 0 ? null : "ValidationException");
            assertThat(e.errorMessage()).isEqualTo(i % 2 == 0 ? null : "bad " + i);
            assertThat(e.latency()).isEqualTo(i % 3 == 0 ? null : Duration.ofMillis(i));
            assertThat(e.response()).isEqualTo(i % 5 == 0 ? null : Map.of("WorkteamArn", "arn:" + name));
        }
    }

    @Test
    void theOldestEntriesGoFirstPastTheByteBoundAndAResponseLargerThanAnyPooledArrayIsKept() {
        Journal bounded = new Journal(1_000, 64 * 1024);
        String big = "{\"Workteams\":[" + String.join(",", java.util.Collections.nCopies(3_000,
                "{\"WorkteamName\":\"team\"}")) + "]}"; // about 75 KB, beyond the largest pooled array
        for (int i = 0; i < 200; i++) {
            bounded.record(NOW, "req-" + i, "ListWorkteams", "123456789012", "us-east-1", Map.of(), "{}".getBytes(
                    StandardCharsets.UTF_8), 200, null, null, null, Duration.ZERO,
                    i == 199 ? big.getBytes(StandardCharsets.UTF_8) : "{\"Workteams\":[]}".getBytes(StandardCharsets.UTF_8));
        }

        List<JournalEntry> entries = bounded.entries();
        assertThat(entries).isNotEmpty().hasSizeLessThan(200); // the byte bound dropped the oldest
        assertThat(entries.get(entries.size() - 1).requestId()).isEqualTo("req-199");
        assertThat((List<?>) entries.get(entries.size() - 1).response().get("Workteams")).hasSize(3_000);
        assertThat(entries).extracting(JournalEntry::sequence).isSorted();

        bounded.clear();
        assertThat(bounded.entries()).isEmpty();
        bounded.record(NOW, "after", "ListWorkteams", "123456789012", "us-east-1", Map.of(), 200, null, null, null);
        assertThat(bounded.entries()).singleElement().satisfies(e -> {
            assertThat(e.requestId()).isEqualTo("after");
            assertThat(e.sequence()).isEqualTo(201); // sequence numbers are never reused
        });
    }
}
