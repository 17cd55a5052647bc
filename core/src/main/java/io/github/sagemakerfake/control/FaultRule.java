package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.json.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A rule that makes the fake misbehave on purpose: answer an AWS error, add latency, or (over
 * HTTP) break the connection, for matching requests, the next N times or with a probability.
 *
 * <pre>{@code
 * fake.addFault(FaultRule.forOperation("CreateWorkteam").times(2).throttle());
 * fake.addFault(FaultRule.forOperation("CreateWorkteam").afterStateChange().resetConnection());
 * fake.addFault(FaultRule.forAnyOperation().withLatency(Duration.ofMillis(300)).latencyOnly());
 * fake.addFault(FaultRule.forOperation("CreateWorkforce").once().failProvisioning("The subnet has no free IP address."));
 * }</pre>
 *
 * <p>{@link Phase#BEFORE_STATE_CHANGE} (the default) means the call failed and nothing changed;
 * {@link Phase#AFTER_STATE_CHANGE} means the change happened but the response was lost, which is
 * what exposes code that is not idempotent on retry.
 *
 * <p>Rules are immutable values; {@link #firedCount()} is the count at the moment the rule was
 * read back from {@link FakeControl#faults()}.
 */
public final class FaultRule {

    /** When the fault strikes relative to the operation's effect on state. */
    public enum Phase { BEFORE_STATE_CHANGE, AFTER_STATE_CHANGE }

    /**
     * What the rule does besides any latency. {@code PROVISIONING_FAILURE} answers normally, but the
     * workforce the request creates or updates ends {@code Failed} with the rule's message as
     * {@code FailureReason} instead of becoming {@code Active}.
     */
    public enum Outcome { NONE, ERROR, CONNECTION_RESET, EMPTY_RESPONSE, MALFORMED_RESPONSE, PROVISIONING_FAILURE }

    /**
     * The operations that provision something, so the only ones a provisioning failure applies to: a
     * workforce (CreateWorkforce, UpdateWorkforce, the implicit one of CreateWorkteam), a labeling
     * job or a flow definition, which then ends {@code Failed} instead of InProgress or Active.
     */
    private static final Set<String> PROVISIONING_OPERATIONS =
            Set.of("CreateWorkforce", "UpdateWorkforce", "CreateWorkteam", "CreateLabelingJob", "CreateFlowDefinition");

    /** The longest latency a rule adds: 10 minutes, beyond any client's patience, within any clock's range. */
    public static final Duration MAX_LATENCY = Duration.ofMinutes(10);

    private final String id;
    private final String operation;
    private final Map<String, Object> match;
    private final Predicate<Map<String, Object>> predicate;
    private final Integer times;
    private final double probability;
    private final Phase phase;
    private final Duration minLatency;
    private final Duration maxLatency;
    private final Outcome outcome;
    private final String errorCode;
    private final int statusCode;
    private final String message;
    private final long firedCount;

    private FaultRule(Builder b, Outcome outcome, String errorCode, int statusCode, String message) {
        this(b.id, b.operation, b.match, b.predicate, b.times, b.probability, b.phase, b.minLatency, b.maxLatency,
                outcome, errorCode, statusCode, message, 0);
    }

    private FaultRule(String id, String operation, Map<String, Object> match, Predicate<Map<String, Object>> predicate,
                      Integer times, double probability, Phase phase, Duration minLatency, Duration maxLatency,
                      Outcome outcome, String errorCode, int statusCode, String message, long firedCount) {
        this.id = id;
        this.operation = operation;
        this.match = Json.freeze(new LinkedHashMap<>(match));
        this.predicate = predicate;
        this.times = times;
        this.probability = probability;
        this.phase = phase;
        this.minLatency = minLatency;
        this.maxLatency = maxLatency;
        this.outcome = outcome;
        this.errorCode = errorCode;
        this.statusCode = statusCode;
        this.message = message;
        this.firedCount = firedCount;
    }

    /** A rule for one operation, by its wire name such as {@code CreateWorkteam}. */
    public static Builder forOperation(String operation) {
        return new Builder(Objects.requireNonNull(operation, "operation"));
    }

    /** A rule for every operation. */
    public static Builder forAnyOperation() {
        return new Builder(null);
    }

    /** The same rule with an id (assigned when the rule is added) and a fired count. */
    public FaultRule withState(String newId, long fired) {
        return new FaultRule(newId, operation, match, predicate, times, probability, phase, minLatency, maxLatency,
                outcome, errorCode, statusCode, message, fired);
    }

    public String id() {
        return id;
    }

    /** The operation's wire name, or null for any operation. */
    public String operation() {
        return operation;
    }

    /** Top-level request members that must equal these values for the rule to apply. */
    public Map<String, Object> match() {
        return match;
    }

    /** An in-process-only condition on the request body, or null. */
    public Predicate<Map<String, Object>> predicate() {
        return predicate;
    }

    /** How many requests the rule applies to, or null for no limit. */
    public Integer times() {
        return times;
    }

    public double probability() {
        return probability;
    }

    public Phase phase() {
        return phase;
    }

    public Duration minLatency() {
        return minLatency;
    }

    public Duration maxLatency() {
        return maxLatency;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String errorCode() {
        return errorCode;
    }

    public int statusCode() {
        return statusCode;
    }

    public String message() {
        return message;
    }

    public long firedCount() {
        return firedCount;
    }

    /** True when the rule applies to this operation and request (count and probability aside). */
    public boolean matches(String operationName, Map<String, Object> request) {
        if (operation != null && !operation.equals(operationName)) {
            return false;
        }
        for (Map.Entry<String, Object> e : match.entrySet()) {
            if (!Objects.equals(e.getValue(), request.get(e.getKey()))) {
                return false;
            }
        }
        return predicate == null || predicate.test(request);
    }

    /** A one-line description, as the journal shows it. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(id == null ? "rule" : "rule " + id).append(" on ").append(operation == null ? "any operation" : operation);
        if (!match.isEmpty()) {
            sb.append(" where ").append(match);
        }
        if (predicate != null) {
            sb.append(" matching a predicate");
        }
        if (!minLatency.isZero() || !maxLatency.isZero()) {
            sb.append(", latency ").append(minLatency.equals(maxLatency) ? minLatency.toMillis() + " ms"
                    : minLatency.toMillis() + ".." + maxLatency.toMillis() + " ms");
        }
        switch (outcome) {
            case ERROR -> sb.append(", error ").append(errorCode).append(" (").append(statusCode).append(")");
            case PROVISIONING_FAILURE -> sb.append(", the workforce ends Failed: ").append(message);
            case NONE -> { }
            default -> sb.append(", ").append(outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (outcome != Outcome.NONE && outcome != Outcome.PROVISIONING_FAILURE) {
            sb.append(phase == Phase.AFTER_STATE_CHANGE ? " after the state change" : " before the state change");
        }
        return sb.toString();
    }

    /** The JSON form used by the admin API. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Id", id);
        map.put("Operation", operation);
        map.put("Match", match);
        map.put("Times", times);
        map.put("Probability", BigDecimal.valueOf(probability));
        map.put("Phase", phase.name());
        map.put("MinLatencyMillis", minLatency.toMillis());
        map.put("MaxLatencyMillis", maxLatency.toMillis());
        map.put("Outcome", outcome.name());
        map.put("ErrorCode", errorCode);
        map.put("StatusCode", statusCode);
        map.put("Message", message);
        map.put("FiredCount", firedCount);
        return map;
    }

    @SuppressWarnings("unchecked")
    public static FaultRule fromMap(Map<String, Object> map) {
        Builder b = new Builder((String) map.get("Operation"));
        b.id = (String) map.get("Id");
        if (map.get("Match") instanceof Map<?, ?> m) {
            b.match.putAll((Map<String, Object>) m);
        }
        if (map.get("Times") != null) {
            b.times((int) JsonNumbers.wholeNumber(map.get("Times"), "Fault rule member \"Times\"", 1,
                    Integer.MAX_VALUE, "how many matching requests the rule applies to"));
        }
        if (map.get("Probability") != null) {
            b.probability(JsonNumbers.probability(map.get("Probability"), "Fault rule member \"Probability\""));
        }
        if (map.get("Phase") != null) {
            b.phase = Phase.valueOf((String) map.get("Phase"));
        }
        long maxMillis = MAX_LATENCY.toMillis();
        long min = map.get("MinLatencyMillis") == null ? 0 : JsonNumbers.wholeNumber(map.get("MinLatencyMillis"),
                "Fault rule member \"MinLatencyMillis\"", 0, maxMillis, "milliseconds of added latency");
        long max = map.get("MaxLatencyMillis") == null ? min : JsonNumbers.wholeNumber(map.get("MaxLatencyMillis"),
                "Fault rule member \"MaxLatencyMillis\"", 0, maxMillis, "milliseconds of added latency");
        b.withLatency(Duration.ofMillis(min), Duration.ofMillis(max));
        Outcome outcome = map.get("Outcome") == null ? Outcome.NONE : Outcome.valueOf((String) map.get("Outcome"));
        // Only an error carries a status; other outcomes write 0 in toMap(), which is no status at all.
        int status = outcome != Outcome.ERROR || map.get("StatusCode") == null ? 0
                : (int) JsonNumbers.wholeNumber(map.get("StatusCode"),
                "Fault rule member \"StatusCode\"", 400, 599, "the HTTP status of the error");
        long fired = map.get("FiredCount") == null ? 0 : JsonNumbers.wholeNumber(map.get("FiredCount"),
                "Fault rule member \"FiredCount\"", 0, Long.MAX_VALUE, "how often the rule fired");
        FaultRule rule = outcome == Outcome.ERROR
                ? b.error((String) map.get("ErrorCode"), status, (String) map.get("Message"))
                : outcome == Outcome.PROVISIONING_FAILURE ? b.failProvisioning((String) map.get("Message"))
                : b.build(outcome);
        return rule.withState(b.id, fired);
    }

    @Override
    public String toString() {
        return describe() + (times == null ? "" : ", " + times + " time(s)")
                + (probability < 1.0 ? ", probability " + probability : "") + ", fired " + firedCount + " time(s)";
    }

    /** Builds a {@link FaultRule}; the terminal methods say what the rule does. */
    public static final class Builder {
        private String id;
        private final String operation;
        private final Map<String, Object> match = new LinkedHashMap<>();
        private Predicate<Map<String, Object>> predicate;
        private Integer times;
        private double probability = 1.0;
        private Phase phase = Phase.BEFORE_STATE_CHANGE;
        private Duration minLatency = Duration.ZERO;
        private Duration maxLatency = Duration.ZERO;

        private Builder(String operation) {
            this.operation = operation;
        }

        /** Applies only when the request's top-level member equals the value, e.g. ("WorkteamName", "a"). */
        public Builder whenMember(String member, Object value) {
            match.put(Objects.requireNonNull(member, "member"), value);
            return this;
        }

        /** Applies only to requests naming this work team. */
        public Builder forWorkteam(String workteamName) {
            return whenMember("WorkteamName", workteamName);
        }

        /** Applies only when the predicate holds for the request body (in process only: a predicate cannot travel to a server). */
        public Builder when(Predicate<Map<String, Object>> condition) {
            this.predicate = Objects.requireNonNull(condition, "condition");
            return this;
        }

        /** Applies to the next {@code n} matching requests, then is used up. */
        public Builder times(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("times must be at least 1, got " + n);
            }
            this.times = n;
            return this;
        }

        public Builder once() {
            return times(1);
        }

        /** Applies to each matching request with this probability (0 &lt; p &le; 1). */
        public Builder probability(double p) {
            if (!(p > 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException("probability must be in (0, 1], got " + p);
            }
            this.probability = p;
            return this;
        }

        /** The operation takes effect, then the fault replaces its response: "the response was lost". */
        public Builder afterStateChange() {
            this.phase = Phase.AFTER_STATE_CHANGE;
            return this;
        }

        /** Adds a fixed delay. On a manual {@link FakeClock} the clock advances instead of the thread sleeping. */
        public Builder withLatency(Duration latency) {
            return withLatency(latency, latency);
        }

        /** Adds a delay drawn uniformly from [min, max]. */
        public Builder withLatency(Duration min, Duration max) {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("latency needs 0 <= min <= max, got " + min + " and " + max);
            }
            if (max.compareTo(MAX_LATENCY) > 0) {
                throw new IllegalArgumentException("latency is at most " + MAX_LATENCY.toMillis() + " ms ("
                        + MAX_LATENCY.toMinutes() + " minutes), got " + max.toMillis() + " ms");
            }
            this.minLatency = min;
            this.maxLatency = max;
            return this;
        }

        /** Answers {@code ThrottlingException}, HTTP 400, "Rate exceeded" (the service's text). */
        public FaultRule throttle() {
            return error("ThrottlingException", 400, "Rate exceeded");
        }

        /** Answers {@code ServiceUnavailable}, HTTP 503. */
        public FaultRule serviceUnavailable() {
            return error("ServiceUnavailable", 503, "The service is unavailable. Please try again later.");
        }

        /** Answers {@code InternalFailure}, HTTP 500. */
        public FaultRule internalFailure() {
            return error("InternalFailure", 500,
                    "The request processing has failed because of an unknown error, exception or failure.");
        }

        /** Answers any AWS error: a modeled one ({@code ResourceLimitExceeded}, ...) or any other code. */
        public FaultRule error(String errorCode, int statusCode, String message) {
            Objects.requireNonNull(errorCode, "errorCode");
            if (statusCode < 400 || statusCode > 599) {
                throw new IllegalArgumentException("An error needs an HTTP status from 400 to 599, got " + statusCode);
            }
            return new FaultRule(this, Outcome.ERROR, errorCode, statusCode, message == null ? "" : message);
        }

        /** Over HTTP: resets the connection. In process: the SDK sees the same IOException. */
        public FaultRule resetConnection() {
            return build(Outcome.CONNECTION_RESET);
        }

        /** Over HTTP: closes the connection without a response. In process: an IOException. */
        public FaultRule emptyResponse() {
            return build(Outcome.EMPTY_RESPONSE);
        }

        /** Answers HTTP 200 with a body that is not JSON. */
        public FaultRule malformedResponse() {
            return build(Outcome.MALFORMED_RESPONSE);
        }

        /**
         * The request is answered normally, but the workforce it creates or updates (CreateWorkforce,
         * UpdateWorkforce, or the first Cognito CreateWorkteam, which creates the workforce
         * {@code default}) ends its transition {@code Failed}, with {@code failureReason} as the
         * {@code FailureReason} DescribeWorkforce shows. A request the fake refuses fails nothing, but
         * counts as a use of the rule.
         *
         * @param failureReason 1 to 1024 characters, as the model's {@code WorkforceFailureReason}
         */
        public FaultRule failProvisioning(String failureReason) {
            if (operation == null || !PROVISIONING_OPERATIONS.contains(operation)) {
                throw new IllegalStateException("failProvisioning applies to an operation that provisions a "
                        + "workforce, a labeling job or a flow definition: forOperation(\"CreateWorkforce\"), "
                        + "\"UpdateWorkforce\", \"CreateWorkteam\", \"CreateLabelingJob\" or \"CreateFlowDefinition\"; "
                        + "this rule is for " + (operation == null ? "any operation" : operation));
            }
            if (failureReason == null || failureReason.isBlank() || failureReason.length() > 1024) {
                throw new IllegalArgumentException("failProvisioning needs a FailureReason of 1 to 1024 characters, "
                        + "e.g. \"The subnet has no free IP address.\"; got "
                        + (failureReason == null ? "null" : failureReason.length() + " characters"));
            }
            return new FaultRule(this, Outcome.PROVISIONING_FAILURE, null, 0, failureReason);
        }

        /** Only the latency, then the normal answer. */
        public FaultRule latencyOnly() {
            if (minLatency.isZero() && maxLatency.isZero()) {
                throw new IllegalStateException("latencyOnly() needs withLatency(...) first");
            }
            return build(Outcome.NONE);
        }

        private FaultRule build(Outcome outcome) {
            return new FaultRule(this, outcome, null, 0, null);
        }
    }
}
