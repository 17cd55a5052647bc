package io.github.sagemakerfake.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one reconciliation run did, and what it could not do. */
public final class ReconcileReport {

    /** Something that keeps the workforce from reaching the desired state. */
    public record Problem(Kind kind, List<String> teams, String message) {

        public enum Kind {
            /** SageMaker allows 25 work teams per account and region; these desired teams do not exist. */
            WORKTEAM_LIMIT_REACHED,
            /** A desired team exists but was not created by the reconciler (no managed-by tag): left alone. */
            NOT_MANAGED,
            /** SageMaker refused the change, or kept throttling after every retry. */
            FAILED
        }

        public Problem {
            teams = List.copyOf(teams);
        }
    }

    private final List<String> created = new ArrayList<>();
    private final Map<String, List<String>> updated = new LinkedHashMap<>();
    private final List<String> deleted = new ArrayList<>();
    private final List<String> unchanged = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    void created(String team) {
        created.add(team);
    }

    void updated(String team, List<String> changes) {
        updated.put(team, List.copyOf(changes));
    }

    void deleted(String team) {
        deleted.add(team);
    }

    void unchanged(String team) {
        unchanged.add(team);
    }

    void problem(Problem.Kind kind, List<String> teams, String message) {
        problems.add(new Problem(kind, teams, message));
    }

    public List<String> created() {
        return List.copyOf(created);
    }

    /** Updated teams, each with what changed. */
    public Map<String, List<String>> updated() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(updated));
    }

    public List<String> deleted() {
        return List.copyOf(deleted);
    }

    public List<String> unchanged() {
        return List.copyOf(unchanged);
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The work-team limit entry, when SageMaker refused a team for it. */
    public Optional<Problem> workteamLimitReached() {
        return problems.stream().filter(p -> p.kind() == Problem.Kind.WORKTEAM_LIMIT_REACHED).findFirst();
    }

    /** True when the workforce now has the desired teams, as desired. */
    public boolean isConverged() {
        return problems.isEmpty();
    }

    /** A few lines for a person: what changed and what is wrong. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append("created ").append(created).append(", updated ").append(updated.keySet())
                .append(", deleted ").append(deleted).append(", unchanged ").append(unchanged);
        for (Problem problem : problems) {
            text.append(System.lineSeparator()).append(problem.kind()).append(' ').append(problem.teams())
                    .append(": ").append(problem.message());
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "ReconcileReport[" + summary() + "]";
    }
}
