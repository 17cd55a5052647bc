package io.github.sagemakerfake.assertions;

import io.github.sagemakerfake.control.JournalEntry;
import java.util.List;

/**
 * Assertions on the calls of one operation, reached from
 * {@link RequestJournalAssert#hasCalled(String)}: {@code hasCalled("CreateWorkteam").times(3)}.
 */
public class OperationCallsAssert extends AbstractFakeAssert<OperationCallsAssert, List<JournalEntry>> {

    public OperationCallsAssert(List<JournalEntry> calls) {
        super(calls, OperationCallsAssert.class);
    }

    /**
     * Verifies that the operation was called exactly {@code expected} times, as the journal counts.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public OperationCallsAssert times(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            fail("Expecting %s to have been called %s, but it was called %s:%n%s", operation(),
                    Texts.plural(expected, "time", "times"), Texts.plural(actual.size(), "time", "times"),
                    Texts.calls(actual));
        }
        return myself;
    }

    /**
     * Verifies that the operation was called exactly once, as the journal counts.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public OperationCallsAssert once() {
        return times(1);
    }

    /**
     * Verifies that the operation was called at least {@code expected} times, as the journal counts.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public OperationCallsAssert atLeast(int expected) {
        isNotNull();
        if (actual.size() < expected) {
            fail("Expecting %s to have been called at least %s, but it was called %s:%n%s", operation(),
                    Texts.plural(expected, "time", "times"), Texts.plural(actual.size(), "time", "times"),
                    Texts.calls(actual));
        }
        return myself;
    }

    /**
     * Verifies that the operation was called at most {@code expected} times, as the journal counts.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public OperationCallsAssert atMost(int expected) {
        isNotNull();
        if (actual.size() > expected) {
            fail("Expecting %s to have been called at most %s, but it was called %s:%n%s", operation(),
                    Texts.plural(expected, "time", "times"), Texts.plural(actual.size(), "time", "times"),
                    Texts.calls(actual));
        }
        return myself;
    }

    /**
     * Verifies every call of the operation succeeded.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
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

}
