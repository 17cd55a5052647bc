package io.github.sagemakerfake.assertions;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Names close to one that was not found, for "Did you mean" hints (WireMock's near misses):
 * the same name in another case, a typo or two away (Levenshtein distance at most 2), or one name
 * containing the other.
 */
final class NearMatches {

    private static final int MAX_DISTANCE = 2;
    private static final int MAX_SUGGESTIONS = 5;
    /** Containment only counts from this length on: "a" is contained in too many names to help. */
    private static final int MIN_CONTAINED_LENGTH = 3;

    private NearMatches() {
    }

    /** The candidates near {@code wanted}, closest first, at most five, never {@code wanted} itself. */
    static List<String> of(String wanted, Collection<String> candidates) {
        if (wanted == null) {
            return List.of();
        }
        String w = wanted.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(c -> c != null && !c.equals(wanted))
                .filter(c -> isNear(w, c.toLowerCase(Locale.ROOT)))
                .distinct()
                .sorted(Comparator.comparingInt((String c) -> distance(w, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    /** {@code "\nDid you mean: "a", "b"?"}, or nothing when no candidate is near. */
    static String hint(String wanted, Collection<String> candidates) {
        List<String> near = of(wanted, candidates);
        if (near.isEmpty()) {
            return "";
        }
        return "\nDid you mean: " + String.join(", ", near.stream().map(Texts::quote).toList()) + "?";
    }

    private static boolean isNear(String wanted, String candidate) {
        if (wanted.equals(candidate) || distance(wanted, candidate) <= MAX_DISTANCE) {
            return true;
        }
        return Math.min(wanted.length(), candidate.length()) >= MIN_CONTAINED_LENGTH
                && (candidate.contains(wanted) || wanted.contains(candidate));
    }

    /** Levenshtein distance, two rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
