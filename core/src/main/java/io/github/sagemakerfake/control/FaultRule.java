package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.json.Json;
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
 * <p>What the rule does is its {@link #effect()}, a value of the sealed {@link FaultEffect} family;
 * the terminal methods of the builder make one, and {@link Builder#then(FaultEffect)} takes any.
 * Rules are immutable values; {@link #firedCount()} is the count at the moment the rule was read
 * back from {@link FakeControl#faults()}.
 */
public final class FaultRule {

    /** When the fault strikes relative to the operation's effect on state. */
    public enum Phase { BEFORE_STATE_CHANGE, AFTER_STATE_CHANGE }

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
    private final FaultEffect effect;
    private final long firedCount;

    private FaultRule(Builder b, FaultEffect effect) {
        this(null, b.operation, b.match, b.predicate, b.times, b.probability, b.phase, b.minLatency, b.maxLatency,
                effect, 0);
    }

    private FaultRule(String id, String operation, Map<String, Object> match, Predicate<Map<String, Object>> predicate,
                      Integer times, double probability, Phase phase, Duration minLatency, Duration maxLatency,
                      FaultEffect effect, long firedCount) {
        this.id = id;
        this.operation = operation;
        this.match = Json.freeze(new LinkedHashMap<>(match));
        this.predicate = predicate;
        this.times = times;
        this.probability = probability;
        this.phase = phase;
        this.minLatency = minLatency;
        this.maxLatency = maxLatency;
        this.effect = effect;
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
                effect, fired);
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

    /** What the rule does besides any latency. */
    public FaultEffect effect() {
        return effect;
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
        if (effect instanceof FaultEffect.Error e) {
            sb.append(", error ").append(e.errorCode()).append(" (").append(e.statusCode()).append(")");
        } else if (effect instanceof FaultEffect.FailProvisioning f) {
            sb.append(", the workforce ends Failed: ").append(f.failureReason());
        } else if (effect instanceof FaultEffect.ConnectionFault c) {
            sb.append(", ").append(c.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (effect instanceof FaultEffect.Error || effect instanceof FaultEffect.ConnectionFault) {
            sb.append(phase == Phase.AFTER_STATE_CHANGE ? " after the state change" : " before the state change");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe() + (times == null ? "" : ", " + times + " time(s)")
                + (probability < 1.0 ? ", probability " + probability : "") + ", fired " + firedCount + " time(s)";
    }

    /** Builds a {@link FaultRule}; the terminal methods say what the rule does. */
    public static final class Builder {
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
            return then(new FaultEffect.Error(errorCode, statusCode, message));
        }

        /** Over HTTP: resets the connection. In process: the SDK sees the same IOException. */
        public FaultRule resetConnection() {
            return then(new FaultEffect.ResetConnection());
        }

        /** Over HTTP: closes the connection without a response. In process: an IOException. */
        public FaultRule emptyResponse() {
            return then(new FaultEffect.EmptyResponse());
        }

        /** Answers HTTP 200 with a body that is not JSON. */
        public FaultRule malformedResponse() {
            return then(new FaultEffect.MalformedResponse());
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
            requireProvisioningOperation();
            return then(new FaultEffect.FailProvisioning(failureReason));
        }

        /** Only the latency, then the normal answer. */
        public FaultRule latencyOnly() {
            if (minLatency.isZero() && maxLatency.isZero()) {
                throw new IllegalStateException("latencyOnly() needs withLatency(...) first");
            }
            return then(new FaultEffect.LatencyOnly());
        }

        /**
         * A rule with this effect: the general form of the terminal methods above, e.g.
         * {@code then(new FaultEffect.Error("ThrottlingException", 400, "Rate exceeded"))}.
         */
        public FaultRule then(FaultEffect effect) {
            if (Objects.requireNonNull(effect, "effect") instanceof FaultEffect.FailProvisioning) {
                requireProvisioningOperation();
            }
            return new FaultRule(this, effect);
        }

        private void requireProvisioningOperation() {
            if (operation == null || !PROVISIONING_OPERATIONS.contains(operation)) {
                throw new IllegalStateException("failProvisioning applies to an operation that provisions a "
                        + "workforce, a labeling job or a flow definition: forOperation(\"CreateWorkforce\"), "
                        + "\"UpdateWorkforce\", \"CreateWorkteam\", \"CreateLabelingJob\" or \"CreateFlowDefinition\"; "
                        + "this rule is for " + (operation == null ? "any operation" : operation));
            }
        }
    }
}
