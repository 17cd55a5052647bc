package io.github.sagemakerfake.internal.protocol;

import io.github.sagemakerfake.internal.backend.Operation;
import io.github.sagemakerfake.control.FaultRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fault rules in force. The first matching rule that is not used up fires; counting happens
 * under one lock so "the next 2 calls" means exactly two calls, however many threads race.
 */
public final class FaultEngine {

    private static final class Armed {
        final FaultRule rule;
        long fired;

        Armed(FaultRule rule) {
            this.rule = rule;
        }

        boolean usedUp() {
            return rule.times() != null && fired >= rule.times();
        }
    }

    private final List<Armed> rules = new ArrayList<>();
    private long nextId;

    public synchronized FaultRule add(FaultRule rule) {
        if (rule.operation() != null && Operation.fromWireName(rule.operation()) == null) {
            throw new IllegalArgumentException("Unknown operation '" + rule.operation() + "' in a fault rule; the fake "
                    + "serves: " + Operation.servedNames() + ".");
        }
        FaultRule withId = rule.withState("f" + (++nextId), 0);
        rules.add(new Armed(withId));
        return withId;
    }

    public synchronized List<FaultRule> rules() {
        List<FaultRule> list = new ArrayList<>(rules.size());
        for (Armed a : rules) {
            list.add(a.rule.withState(a.rule.id(), a.fired));
        }
        return list;
    }

    /** Removes the rule with this id; false when there is none. */
    public synchronized boolean remove(String id) {
        return rules.removeIf(a -> a.rule.id().equals(id));
    }

    public synchronized void clear() {
        rules.clear();
    }

    /** Returns the rule that fires for this request, counting it, or null. */
    public synchronized FaultRule select(String operation, Map<String, Object> request) {
        if (rules.isEmpty()) {
            return null;
        }
        for (Armed a : rules) {
            if (a.usedUp() || !a.rule.matches(operation, request)) {
                continue;
            }
            if (a.rule.probability() < 1.0 && ThreadLocalRandom.current().nextDouble() >= a.rule.probability()) {
                continue;
            }
            a.fired++;
            return a.rule;
        }
        return null;
    }
}
