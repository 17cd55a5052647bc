package io.github.sagemakerfake.assertions;

import io.github.sagemakerfake.control.JournalEntry;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the calls of one operation, reached from
 * {@link RequestJournalAssert#hasCalled(String)}: {@code hasCalled("CreateWorkteam").times(3)}.
 */
public class OperationCallsAssert extends AbstractAssert<OperationCallsAssert, List<JournalEntry>> {

    public OperationCallsAssert(List<JournalEntry> calls) {
        super(calls, OperationCallsAssert.class);
    }

    public OperationCallsAssert times(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            fail("Expecting %s to have been called %s, but it was called %s:%n%s", operation(),
                    Texts.plural(expected, "time", "times"), Texts.plural(actual.size(), "time", "times"),
                    Texts.calls(actual));
        }
        return myself;
    }

    public OperationCallsAssert once() {
        return times(1);
    }

    public OperationCallsAssert atLeast(int expected) {
        isNotNull();
        if (actual.size() < expected) {
            fail("Expecting %s to have been called at least %s, but it was called %s:%n%s", operation(),
                    Texts.plural(expected, "time", "times"), Texts.plural(actual.size(), "time", "times"),
                    Texts.calls(actual));
        }
        return myself;
    }

    public OperationCallsAssert atMost(int expected) {
        isNotNull();
        if (actual.size() > expected) {
            fail("Expecting %s to have been called at most %s, but it was called %s:%n%s", operation(),
                    Texts.plural(expected, "time", "times"), Texts.plural(actual.size(), "time", "times"),
                    Texts.calls(actual));
        }
        return myself;
    }

    /** Verifies every call of the operation succeeded. */
    public OperationCallsAssert allSucceeded() {
        isNotNull();
        List<JournalEntry> failed = actual.stream().filter(e -> !e.succeeded()).toList();
        if (!failed.isEmpty()) {
            fail("Expecting every call of %s to succeed, but %s failed:%n%s", operation(),
                    Texts.plural(failed.size(), "call", "calls"), Texts.calls(failed));
        }
        return myself;
    }

    private String operation() {
        return actual.isEmpty() ? "the operation" : actual.get(0).operation();
    }

    private void fail(String format, Object... args) {
        failWithMessage("%s", String.format(format, args));
    }
}
