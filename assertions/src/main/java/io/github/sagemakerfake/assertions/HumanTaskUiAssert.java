package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Texts.quote;

import io.github.sagemakerfake.control.HumanTaskUiSnapshot;
import java.util.Objects;

/**
 * Assertions on one human task UI (worker task template) of the fake's state (docs/labeling.md).
 *
 * <pre>{@code
 * assertThat(fake).hasHumanTaskUi("review-ui").hasContent(template).hasTag("team", "nlp");
 * }</pre>
 */
public class HumanTaskUiAssert extends AbstractFakeAssert<HumanTaskUiAssert, HumanTaskUiSnapshot> {

    public HumanTaskUiAssert(HumanTaskUiSnapshot actual) {
        super(actual, HumanTaskUiAssert.class);
    }

    public static HumanTaskUiAssert assertThat(HumanTaskUiSnapshot actual) {
        return new HumanTaskUiAssert(actual);
    }

    private String ui() {
        return "human task UI " + quote(actual.name());
    }

    /**
     * Verifies the template as created.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public HumanTaskUiAssert hasContent(String expected) {
        isNotNull();
        if (!Objects.equals(actual.content(), expected)) {
            failComparing(actual.content(), expected, "Expecting %s to have the template:%n  %s%nbut it has:%n  %s",
                    ui(), quote(expected), quote(actual.content()));
        }
        return myself;
    }

    /** Verifies {@code UiTemplate.ContentSha256}, the hex SHA-256 of the template's UTF-8 bytes. */
    public HumanTaskUiAssert hasContentSha256(String expected) {
        isNotNull();
        if (!Objects.equals(actual.contentSha256(), expected)) {
            failComparing(actual.contentSha256(), expected, "Expecting %s to have ContentSha256 %s, but was %s", ui(),
                    quote(expected), quote(actual.contentSha256()));
        }
        return myself;
    }

    public HumanTaskUiAssert hasTag(String key, String value) {
        isNotNull();
        String problem = LabelingAsserts.tagProblem(actual.tags(), key, value);
        if (problem != null) {
            fail("Expecting %s %s", ui(), problem);
        }
        return myself;
    }
}
