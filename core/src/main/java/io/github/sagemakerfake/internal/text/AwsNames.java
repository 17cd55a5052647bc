package io.github.sagemakerfake.internal.text;

/**
 * The forms of an AWS account id and a region name, checked by hand, not by a regular expression:
 * settings are made a few times per test and an access key is read on every call, and a regex
 * there made every test JVM compile the regex engine (docs/benchmarks.md, "A consumer suite: what
 * the JIT compiles").
 */
public final class AwsNames {

    private AwsNames() {
    }

    /** {@code [0-9]{12}}. */
    public static boolean isAccountId(String s) {
        if (s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-z]{2}(-[a-z]+)+-[0-9]+}: two letters, one or more words of letters, a number, joined by '-'. */
    public static boolean isRegionName(String s) {
        int n = s.length();
        if (n < 2 || !isLower(s.charAt(0)) || !isLower(s.charAt(1))) {
            return false;
        }
        int parts = 0;
        int i = 2;
        while (i < n) {
            if (s.charAt(i) != '-') {
                return false;
            }
            int start = ++i;
            boolean letters = true;
            boolean digits = true;
            for (; i < n && s.charAt(i) != '-'; i++) {
                char c = s.charAt(i);
                letters &= isLower(c);
                digits &= c >= '0' && c <= '9';
            }
            if (i == start) {
                return false;
            }
            parts++;
            if (i == n) {
                return digits && parts >= 2;
            }
            if (!letters) {
                return false;
            }
        }
        return false;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }
}
