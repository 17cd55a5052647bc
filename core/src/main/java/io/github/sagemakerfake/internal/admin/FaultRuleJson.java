package io.github.sagemakerfake.internal.admin;

import io.github.sagemakerfake.control.FaultEffect;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.internal.json.JsonNumbers;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link FaultRule} in the admin API's JSON form (docs/server.md, "Admin API"), written by the
 * server's {@code /_fake/faults} and read back by {@link io.github.sagemakerfake.admin.RemoteFakeControl},
 * and the other way round. {@code "Outcome"} is the {@link FaultEffect#name() effect's name}.
 */
public final class FaultRuleJson {

    /** The members of a rule's JSON form. */
    public static final Set<String> MEMBERS = Set.of("Id", "Operation", "Match", "Times", "Probability",
            "Phase", "MinLatencyMillis", "MaxLatencyMillis", "Outcome", "ErrorCode", "StatusCode", "Message",
            "FiredCount");
    /** The values of {@code "Outcome"}: every {@link FaultEffect}'s name. */
    public static final List<String> OUTCOMES = outcomes();
    /** The values of {@code "Phase"}. */
    public static final List<String> PHASES = List.of(FaultRule.Phase.BEFORE_STATE_CHANGE.name(),
            FaultRule.Phase.AFTER_STATE_CHANGE.name());

    private FaultRuleJson() {
    }

    private static List<String> outcomes() {
        List<String> names = new ArrayList<>(List.of("NONE", "ERROR"));
        FaultEffect.ConnectionFault.ALL.forEach(f -> names.add(f.name()));
        names.add("PROVISIONING_FAILURE");
        return List.copyOf(names);
    }

    /** The JSON form of a rule. */
    public static Map<String, Object> toJson(FaultRule rule) {
        FaultEffect effect = rule.effect();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Id", rule.id());
        map.put("Operation", rule.operation());
        map.put("Match", rule.match());
        map.put("Times", rule.times());
        map.put("Probability", BigDecimal.valueOf(rule.probability()));
        map.put("Phase", rule.phase().name());
        map.put("MinLatencyMillis", rule.minLatency().toMillis());
        map.put("MaxLatencyMillis", rule.maxLatency().toMillis());
        map.put("Outcome", effect.name());
        map.put("ErrorCode", effect instanceof FaultEffect.Error e ? e.errorCode() : null);
        map.put("StatusCode", effect instanceof FaultEffect.Error e ? e.statusCode() : 0);
        map.put("Message", effect instanceof FaultEffect.Error e ? e.message()
                : effect instanceof FaultEffect.FailProvisioning f ? f.failureReason() : null);
        map.put("FiredCount", rule.firedCount());
        return map;
    }

    /**
     * The rule a JSON form describes, with its id and fired count.
     *
     * @throws IllegalArgumentException or IllegalStateException when the form describes no valid rule
     */
    @SuppressWarnings("unchecked")
    public static FaultRule fromJson(Map<String, Object> map) {
        String operation = (String) map.get("Operation");
        FaultRule.Builder b = operation == null ? FaultRule.forAnyOperation() : FaultRule.forOperation(operation);
        if (map.get("Match") instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach(b::whenMember);
        }
        if (map.get("Times") != null) {
            b.times((int) JsonNumbers.wholeNumber(map.get("Times"), "Fault rule member \"Times\"", 1,
                    Integer.MAX_VALUE, "how many matching requests the rule applies to"));
        }
        if (map.get("Probability") != null) {
            b.probability(JsonNumbers.probability(map.get("Probability"), "Fault rule member \"Probability\""));
        }
        if (map.get("Phase") != null && FaultRule.Phase.valueOf((String) map.get("Phase"))
                == FaultRule.Phase.AFTER_STATE_CHANGE) {
            b.afterStateChange();
        }
        long maxMillis = FaultRule.MAX_LATENCY.toMillis();
        long min = map.get("MinLatencyMillis") == null ? 0 : JsonNumbers.wholeNumber(map.get("MinLatencyMillis"),
                "Fault rule member \"MinLatencyMillis\"", 0, maxMillis, "milliseconds of added latency");
        long max = map.get("MaxLatencyMillis") == null ? min : JsonNumbers.wholeNumber(map.get("MaxLatencyMillis"),
                "Fault rule member \"MaxLatencyMillis\"", 0, maxMillis, "milliseconds of added latency");
        b.withLatency(Duration.ofMillis(min), Duration.ofMillis(max));
        long fired = map.get("FiredCount") == null ? 0 : JsonNumbers.wholeNumber(map.get("FiredCount"),
                "Fault rule member \"FiredCount\"", 0, Long.MAX_VALUE, "how often the rule fired");
        return b.then(effect(map)).withState((String) map.get("Id"), fired);
    }

    private static FaultEffect effect(Map<String, Object> map) {
        String outcome = map.get("Outcome") == null ? "NONE" : (String) map.get("Outcome");
        switch (outcome) {
            case "NONE":
                return new FaultEffect.LatencyOnly();
            case "ERROR":
                // Only an error carries a status; other outcomes write 0 in toJson(), which is no status at all.
                int status = map.get("StatusCode") == null ? 0 : (int) JsonNumbers.wholeNumber(map.get("StatusCode"),
                        "Fault rule member \"StatusCode\"", 400, 599, "the HTTP status of the error");
                return new FaultEffect.Error((String) map.get("ErrorCode"), status, (String) map.get("Message"));
            case "PROVISIONING_FAILURE":
                return new FaultEffect.FailProvisioning((String) map.get("Message"));
            default:
                FaultEffect.ConnectionFault fault = FaultEffect.ConnectionFault.named(outcome);
                if (fault == null) {
                    throw new IllegalArgumentException("Fault rule member \"Outcome\" must be one of " + OUTCOMES
                            + "; got \"" + outcome + "\".");
                }
                return fault;
        }
    }
}
