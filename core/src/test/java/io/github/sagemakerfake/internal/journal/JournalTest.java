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
}
