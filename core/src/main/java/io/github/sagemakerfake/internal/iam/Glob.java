package io.github.sagemakerfake.internal.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A policy string with IAM's wildcards ({@code *} any run of characters, {@code ?} exactly one) and,
 * in a {@code 2012-10-17} policy, policy variables: {@code ${aws:username}}, with a default
 * {@code ${aws:username, 'none'}}, and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}} for a
 * literal character (docs/iam.md, "Policy variables").
 *
 * <p>Matching is backtracking over the expanded elements, no regular expression: a literal
 * {@code .} or {@code +} in an ARN is just a character (a regex built by string replacement would
 * treat it as an operator).
 */
final class Glob {

    /** An element of an expanded pattern: a character (>= 0), {@link #STAR} or {@link #QMARK}. */
    static final int STAR = -1;
    static final int QMARK = -2;

    private sealed interface Part permits Text, Variable {
    }

    /** Literal text; {@code wild} tells whether its {@code *} and {@code ?} are wildcards (not from an escape). */
    private record Text(String text, boolean wild) implements Part {
    }

    private record Variable(String key, String defaultValue) implements Part {
    }

    private final String source;
    private final List<Part> parts;
    private final boolean hasVariables;

    private Glob(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
        this.hasVariables = parts.stream().anyMatch(p -> p instanceof Variable);
    }

    String source() {
        return source;
    }

    /**
     * @param variables whether {@code ${...}} is a policy variable (version 2012-10-17) or literal text
     * @throws IllegalArgumentException for an unterminated or empty variable
     */
    static Glob compile(String text, boolean variables) {
        List<Part> parts = new ArrayList<>();
        if (!variables || !text.contains("${")) {
            parts.add(new Text(text, true));
            return new Glob(text, parts);
        }
        int i = 0;
        StringBuilder literal = new StringBuilder();
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            if (open < 0) {
                literal.append(text, i, text.length());
                break;
            }
            literal.append(text, i, open);
            int close = text.indexOf('}', open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("the policy variable that starts at character " + (open + 1)
                        + " has no closing '}'");
            }
            String inner = text.substring(open + 2, close).trim();
            if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
                if (literal.length() > 0) {
                    parts.add(new Text(literal.toString(), true));
                    literal.setLength(0);
                }
                parts.add(new Text(inner, false));
            } else {
                if (inner.isEmpty()) {
                    throw new IllegalArgumentException("'${}' names no policy variable");
                }
                if (literal.length() > 0) {
                    parts.add(new Text(literal.toString(), true));
                    literal.setLength(0);
                }
                String key = inner;
                String defaultValue = null;
                int comma = inner.indexOf(',');
                if (comma >= 0) {
                    key = inner.substring(0, comma).trim();
                    String d = inner.substring(comma + 1).trim();
                    if (d.length() < 2 || d.charAt(0) != '\'' || d.charAt(d.length() - 1) != '\'') {
                        throw new IllegalArgumentException("the default value of policy variable '${" + inner
                                + "}' must be in single quotes, e.g. ${aws:username, 'nobody'}");
                    }
                    defaultValue = d.substring(1, d.length() - 1);
                }
                parts.add(new Variable(key, defaultValue));
            }
            i = close + 1;
        }
        if (literal.length() > 0) {
            parts.add(new Text(literal.toString(), true));
        }
        return new Glob(text, parts);
    }

    /**
     * The pattern with its variables resolved, as elements; null when a variable has no value and no
     * default (IAM: "any attempt to match it fails").
     *
     * @param variables lower-cased key to value; null returns for an absent key
     */
    int[] expand(Function<String, String> variables) {
        if (!hasVariables && parts.size() == 1 && ((Text) parts.get(0)).wild()) {
            return elements(((Text) parts.get(0)).text(), true, new int[0]);
        }
        int[] out = new int[0];
        for (Part part : parts) {
            if (part instanceof Text t) {
                out = elements(t.text(), t.wild(), out);
            } else {
                Variable v = (Variable) part;
                String value = variables.apply(v.key().toLowerCase(Locale.ROOT));
                if (value == null) {
                    value = v.defaultValue();
                }
                if (value == null) {
                    return null;
                }
                out = elements(value, false, out);
            }
        }
        return out;
    }

    private static int[] elements(String text, boolean wild, int[] prefix) {
        int[] out = java.util.Arrays.copyOf(prefix, prefix.length + text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out[prefix.length + i] = wild && c == '*' ? STAR : wild && c == '?' ? QMARK : c;
        }
        return out;
    }

    /** Whole-string wildcard match of {@code value} against {@code pattern}'s elements. */
    static boolean matches(int[] pattern, String value, boolean ignoreCase) {
        return matches(pattern, 0, pattern.length, value, 0, value.length(), ignoreCase);
    }

    /** The classic greedy wildcard match with one backtrack point, linear in practice. */
    static boolean matches(int[] p, int pFrom, int pTo, String s, int sFrom, int sTo, boolean ignoreCase) {
        int pi = pFrom;
        int si = sFrom;
        int starP = -1;
        int starS = -1;
        while (si < sTo) {
            if (pi < pTo && (p[pi] == QMARK || (p[pi] >= 0 && same((char) p[pi], s.charAt(si), ignoreCase)))) {
                pi++;
                si++;
            } else if (pi < pTo && p[pi] == STAR) {
                starP = pi++;
                starS = si;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < pTo && p[pi] == STAR) {
            pi++;
        }
        return pi == pTo;
    }

    /** Exact comparison, wildcards taken literally. */
    static boolean equalsLiterally(int[] pattern, String value, boolean ignoreCase) {
        if (pattern.length != value.length()) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            char c = pattern[i] == STAR ? '*' : pattern[i] == QMARK ? '?' : (char) pattern[i];
            if (!same(c, value.charAt(i), ignoreCase)) {
                return false;
            }
        }
        return true;
    }

    /**
     * ARN matching as IAM does for the Resource element and ArnLike: each of the six colon-separated
     * components on its own, the last (the resource) taking every remaining colon.
     */
    static boolean matchesArn(int[] pattern, String arn) {
        int[] pCuts = new int[7];
        int pn = cuts(pattern, pCuts);
        int[] sCuts = new int[7];
        int sn = cuts(arn, sCuts);
        if (pn != 6 || sn != 6) {
            return false;
        }
        for (int part = 0; part < 6; part++) {
            if (!matches(pattern, pCuts[part], pCuts[part + 1] - 1, arn, sCuts[part], sCuts[part + 1] - 1, false)) {
                return false;
            }
        }
        return true;
    }

    private static int cuts(int[] p, int[] cuts) {
        int n = 1;
        cuts[0] = 0;
        for (int i = 0; i < p.length && n < 6; i++) {
            if (p[i] == ':') {
                cuts[n++] = i + 1;
            }
        }
        cuts[n] = p.length + 1; // component k spans [cuts[k], cuts[k + 1] - 1)
        return n;
    }

    private static int cuts(String s, int[] cuts) {
        int n = 1;
        cuts[0] = 0;
        for (int i = 0; i < s.length() && n < 6; i++) {
            if (s.charAt(i) == ':') {
                cuts[n++] = i + 1;
            }
        }
        cuts[n] = s.length() + 1;
        return n;
    }

    /** Whether the elements form an ARN of six components (a Resource that is not "*" must). */
    static boolean isArn(int[] pattern) {
        return cuts(pattern, new int[7]) == 6;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
    }

    @Override
    public String toString() {
        return source;
    }
}
