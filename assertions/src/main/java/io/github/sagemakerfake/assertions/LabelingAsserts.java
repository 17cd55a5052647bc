package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Texts.quote;

import java.util.Map;
import java.util.Objects;

/** What the labeling plane's assertions share: tags, and naming a resource by name or ARN. */
final class LabelingAsserts {

    private LabelingAsserts() {
    }

    /** True when {@code expected} is the ARN itself, or the last part of it (a team's or a task UI's name). */
    static boolean namesArn(String arn, String expected) {
        if (arn == null || expected == null) {
            return false;
        }
        return expected.startsWith("arn:") ? arn.equals(expected) : arn.endsWith("/" + expected);
    }

    /** Null when the tags hold {@code key=value}; else the failure text after "Expecting <what> ". */
    static String tagProblem(Map<String, String> tags, String key, String value) {
        if (!tags.containsKey(key)) {
            return String.format("to have tag %s=%s, but it has no tag %s; its tags are:%n  %s", quote(key),
                    quote(value), quote(key), Texts.map(tags));
        }
        if (!Objects.equals(tags.get(key), value)) {
            return String.format("to have tag %s=%s, but its value is %s", quote(key), quote(value),
                    quote(tags.get(key)));
        }
        return null;
    }
}
