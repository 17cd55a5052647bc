package io.github.sagemakerfake.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearMatchesTest {

    @Test
    void typos_case_and_containment() {
        List<String> names = List.of("labelers", "Labeler", "labeler-eu", "reviewers", "qa", "lab");

        assertThat(NearMatches.of("labeler", names)).containsExactly("Labeler", "labelers", "labeler-eu", "lab");
        assertThat(NearMatches.of("reviewer", names)).containsExactly("reviewers");
        assertThat(NearMatches.of("annotators", names)).isEmpty();
    }

    @Test
    void short_names_need_a_close_match() {
        assertThat(NearMatches.of("a", List.of("ab", "alpha", "beta"))).containsExactly("ab");
        assertThat(NearMatches.of("qa", List.of("qa-team", "qb"))).containsExactly("qb");
    }

    @Test
    void hint() {
        assertThat(NearMatches.hint("labeler", List.of("labelers")))
                .isEqualTo("\nDid you mean: \"labelers\"?");
        assertThat(NearMatches.hint("labeler", List.of("reviewers"))).isEmpty();
        assertThat(NearMatches.hint(null, List.of("reviewers"))).isEmpty();
    }

    @Test
    void at_most_five_suggestions() {
        assertThat(NearMatches.of("team", List.of("team1", "team2", "team3", "team4", "team5", "team6"))).hasSize(5);
    }

    @Test
    void distance() {
        assertThat(NearMatches.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearMatches.distance("", "abc")).isEqualTo(3);
        assertThat(NearMatches.distance("same", "same")).isZero();
    }
}
