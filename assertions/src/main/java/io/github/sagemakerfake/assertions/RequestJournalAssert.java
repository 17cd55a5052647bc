package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Texts.quote;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.internal.backend.Operation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Assertions on the requests a fake received, oldest first: which operations were called, how
 * often, in which order, with which members, and how they were answered.
 *
 * <pre>{@code
 * assertThatJournal(fake)
 *         .hasCalledInOrder("CreateWorkforce", "CreateWorkteam")
 *         .hasCallWithMember("CreateWorkteam", "WorkteamName", "labelers")
 *         .hasNeverCalled("DeleteWorkforce")
 *         .hasNoFailedCalls();
 * assertThatJournal(fake).hasCalled("DescribeWorkteam").times(2);
 * }</pre>
 *
 * <p>Operations are named as on the wire ({@code CreateWorkteam}); a name that is neither a
 * SageMaker workforce operation nor in the journal fails at once with the names it may have meant,
 * so a typo cannot make {@code hasNeverCalled} pass. Requests are maps in wire form
 * ({@code {"WorkteamName": "labelers", ...}}), with {@code ClientSecret} masked.
 */
public class RequestJournalAssert extends AbstractFakeAssert<RequestJournalAssert, List<JournalEntry>> {

    /** The operations the fake serves, from its operation registry, for typo detection. */
    static final Set<String> OPERATIONS = Set.copyOf(Operation.wireNames());

    /** Set by soft assertions; see {@link Navigation}. */

    private String defaultAccount;
    private String defaultRegion;

    public RequestJournalAssert(List<JournalEntry> actual) {
        super(actual, RequestJournalAssert.class);
    }

    public static RequestJournalAssert assertThatJournal(List<JournalEntry> journal) {
        return new RequestJournalAssert(journal);
    }

    /** Reads the fake's journal now; later requests are not seen. */
    public static RequestJournalAssert assertThatJournal(FakeControl fake) {
        RequestJournalAssert assertion = new RequestJournalAssert(fake == null ? null : fake.journal());
        if (fake != null) {
            assertion.defaultAccount = fake.defaultAccount();
            assertion.defaultRegion = fake.defaultRegion();
        }
        return assertion;
    }

    // ------------------------------------------------------------------ IAM

    /**
     * Leads to assertions on the least-privilege identity policy the calls needed (docs/iam.md), in
     * the fake's default account and region; for a bare journal, in the one account and region its
     * calls were made in.
     *
     * @throws AssertionError if the actual value is null, or a bare journal spans several account/region pairs
     */
    public RequiredPolicyAssert requiredPolicy() {
        if (defaultAccount != null) {
            return requiredPolicy(defaultAccount, defaultRegion);
        }
        return Navigation.step(this, navigation, () -> {
            isNotNull();
            Set<String> pairs = new LinkedHashSet<>();
            actual.forEach(e -> pairs.add(e.account() + "/" + e.region()));
            if (pairs.size() != 1) {
                fail("%s", pairs.isEmpty() ? "Expecting calls to derive a required policy from, but the journal is empty."
                        : "Expecting the journal's calls in one account and region, but they span " + pairs
                        + "; name one with requiredPolicy(account, region).");
            }
            String[] pair = pairs.iterator().next().split("/");
            return io.github.sagemakerfake.control.RequiredPolicy.fromJournal(actual, pair[0], pair[1]);
        }, RequiredPolicyAssert.class, io.github.sagemakerfake.control.RequiredPolicy.class, RequiredPolicyAssert::new)
                .withJournal(actual);
    }

    /** Leads to assertions on the least-privilege identity policy the calls in one account and region needed. */
    public RequiredPolicyAssert requiredPolicy(String account, String region) {
        return Navigation.step(this, navigation, () -> {
            isNotNull();
            return io.github.sagemakerfake.control.RequiredPolicy.fromJournal(actual, account, region);
        }, RequiredPolicyAssert.class, io.github.sagemakerfake.control.RequiredPolicy.class, RequiredPolicyAssert::new)
                .withJournal(actual);
    }

    // ------------------------------------------------------------------ how often

    /**
     * Verifies the operation was called at least once, and leads to assertions on its calls ({@code times(3)}).
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public OperationCallsAssert hasCalled(String operation) {
        return Navigation.step(this, navigation, () -> {
            isNotNull();
            requireKnown(operation);
            List<JournalEntry> calls = callsOf(operation);
            if (calls.isEmpty()) {
                fail("Expecting %s to have been called, but it never was.%s", operation, received());
            }
            return calls;
        }, OperationCallsAssert.class, listType(), OperationCallsAssert::new);
    }

    /**
     * Verifies that the operation was called exactly {@code times} times.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RequestJournalAssert hasCalledTimes(String operation, int times) {
        isNotNull();
        requireKnown(operation);
        List<JournalEntry> calls = callsOf(operation);
        if (calls.size() != times) {
            fail("Expecting %s to have been called %s, but it was called %s.%s", operation,
                    Texts.plural(times, "time", "times"), Texts.plural(calls.size(), "time", "times"), received());
        }
        return myself;
    }

    /**
     * Verifies that the operation was never called.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RequestJournalAssert hasNeverCalled(String operation) {
        isNotNull();
        requireKnown(operation);
        List<JournalEntry> calls = callsOf(operation);
        if (!calls.isEmpty()) {
            fail("Expecting %s never to have been called, but it was called %s:%n%s", operation,
                    Texts.plural(calls.size(), "time", "times"), Texts.calls(calls));
        }
        return myself;
    }

    /**
     * Verifies these operations were called in this order, other calls possibly in between (a
     * subsequence of the journal).
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RequestJournalAssert hasCalledInOrder(String... operations) {
        isNotNull();
        Arrays.stream(operations).forEach(this::requireKnown);
        int matched = 0;
        for (JournalEntry entry : actual) {
            if (matched < operations.length && entry.operation().equals(operations[matched])) {
                matched++;
            }
        }
        if (matched < operations.length) {
            List<String> called = actual.stream().map(JournalEntry::operation).toList();
            fail("Expecting calls in this order, others possibly in between:%n  %s%nbut %s.%nThe calls were:%n  %s",
                    String.join(", ", operations),
                    matched == 0 ? operations[0] + " was never called"
                            : operations[matched] + " was not called after " + operations[matched - 1]
                                    + " (call " + (matched + 1) + " of the expected order)",
                    called.isEmpty() ? "(none)" : String.join(", ", called));
        }
        return myself;
    }

    // ------------------------------------------------------------------ with what

    /**
     * Verifies a call of the operation whose request (wire form) satisfies the condition.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RequestJournalAssert hasCall(String operation, Predicate<Map<String, Object>> requestCondition) {
        return hasCall(operation, "the given condition", requestCondition);
    }

    /**
     * Like {@link #hasCall(String, Predicate)}, with a description of the condition for the failure message.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RequestJournalAssert hasCall(String operation, String conditionDescription,
                                        Predicate<Map<String, Object>> requestCondition) {
        isNotNull();
        requireKnown(operation);
        List<JournalEntry> calls = callsOf(operation);
        if (calls.stream().noneMatch(e -> requestCondition.test(e.request()))) {
            fail("Expecting a call of %s whose request satisfies %s, but %s", operation, conditionDescription,
                    calls.isEmpty() ? "it was never called." + received()
                            : String.format("none of its %s does:%n%s", Texts.plural(calls.size(), "call", "calls"),
                                    Texts.calls(calls)));
        }
        return myself;
    }

    /**
     * Verifies a call of the operation whose request has this member value. The member is named as
     * in the request JSON; a dotted path reaches into structures and lists (0-based), e.g.
     * {@code NotificationConfiguration.NotificationTopicArn} or
     * {@code MemberDefinitions.0.CognitoMemberDefinition.UserGroup}. Numbers compare by value.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RequestJournalAssert hasCallWithMember(String operation, String memberPath, Object value) {
        isNotNull();
        requireKnown(operation);
        List<JournalEntry> calls = callsOf(operation);
        if (calls.stream().noneMatch(e -> sameValue(member(e.request(), memberPath), value))) {
            if (calls.isEmpty()) {
                fail("Expecting a call of %s with %s = %s, but it was never called.%s", operation, memberPath,
                        quote(value), received());
            }
            List<Object> seen = new ArrayList<>();
            calls.forEach(e -> seen.add(member(e.request(), memberPath)));
            Set<String> members = new LinkedHashSet<>();
            calls.forEach(e -> members.addAll(e.request().keySet()));
            String memberHint = seen.stream().allMatch(Objects::isNull) && !memberPath.contains(".")
                    ? NearMatches.hint(memberPath, members) : "";
            fail("Expecting a call of %s with %s = %s, but its %s had:%n  %s%s%n%s", operation, memberPath,
                    quote(value), Texts.plural(calls.size(), "call", "calls"), Texts.list(seen), memberHint,
                    Texts.calls(calls));
        }
        return myself;
    }

    // ------------------------------------------------------------------ outcomes

    /**
     * Verifies that every request in the journal succeeded.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RequestJournalAssert hasNoFailedCalls() {
        isNotNull();
        List<JournalEntry> failed = actual.stream().filter(e -> !e.succeeded()).toList();
        if (!failed.isEmpty()) {
            fail("Expecting no failed calls, but %s failed:%n%s", Texts.plural(failed.size(), "call", "calls"),
                    Texts.calls(failed));
        }
        return myself;
    }

    /**
     * Verifies a call of the operation was answered with an error.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RequestJournalAssert hasFailedCall(String operation) {
        isNotNull();
        requireKnown(operation);
        List<JournalEntry> calls = callsOf(operation);
        if (calls.stream().allMatch(JournalEntry::succeeded)) {
            fail("Expecting a failed call of %s, but %s", operation, calls.isEmpty()
                    ? "it was never called." + received()
                    : String.format("all its calls succeeded:%n%s", Texts.calls(calls)));
        }
        return myself;
    }

    /**
     * Verifies a call of the operation was answered with this error code, e.g. {@code ResourceInUse}.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RequestJournalAssert hasFailedCall(String operation, String errorCode) {
        isNotNull();
        requireKnown(operation);
        List<JournalEntry> calls = callsOf(operation);
        if (calls.stream().noneMatch(e -> Objects.equals(e.errorCode(), errorCode))) {
            fail("Expecting a call of %s that failed with %s, but %s", operation, errorCode, calls.isEmpty()
                    ? "it was never called." + received()
                    : String.format("its calls were answered:%n%s", Texts.calls(calls)));
        }
        return myself;
    }

    /**
     * Verifies that the journal holds exactly {@code expected} requests.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RequestJournalAssert hasCallCount(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            fail("Expecting %s, but the journal holds %d.%s", Texts.plural(expected, "request", "requests"),
                    actual.size(), received());
        }
        return myself;
    }

    // ------------------------------------------------------------------ helpers

    private List<JournalEntry> callsOf(String operation) {
        return actual.stream().filter(e -> e.operation().equals(operation)).toList();
    }

    /** A misspelt operation would make hasNeverCalled pass whatever happened: refuse it. */
    private void requireKnown(String operation) {
        if (OPERATIONS.contains(operation) || actual.stream().anyMatch(e -> e.operation().equals(operation))) {
            return;
        }
        Set<String> names = new LinkedHashSet<>(OPERATIONS);
        actual.forEach(e -> names.add(e.operation()));
        fail("Expecting an operation of SageMaker's workforce API, but %s is none.%s", quote(operation),
                NearMatches.hint(operation, names));
    }

    private String received() {
        return String.format("%nRequests received (%d):%n%s", actual.size(), Texts.calls(actual));
    }

    @SuppressWarnings("unchecked")
    static Object member(Map<String, Object> request, String path) {
        Object current = request;
        for (String segment : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = ((Map<String, Object>) map).get(segment);
            } else if (current instanceof List<?> list && segment.matches("\\d+")) {
                int index = Integer.parseInt(segment);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    private static boolean sameValue(Object actualValue, Object expected) {
        if (actualValue instanceof Number a && expected instanceof Number e) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(e.toString())) == 0;
        }
        return Objects.equals(actualValue, expected);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<List<JournalEntry>> listType() {
        return (Class) List.class;
    }

}
