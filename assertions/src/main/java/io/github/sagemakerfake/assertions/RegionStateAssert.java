package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Texts.list;
import static io.github.sagemakerfake.assertions.Texts.quote;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FlowDefinitionSnapshot;
import io.github.sagemakerfake.control.HumanTaskUiSnapshot;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.control.LabelingJobSnapshot;
import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.control.WorkforceSnapshot;
import io.github.sagemakerfake.control.WorkteamSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Assertions on what the fake holds for one account and region: its workforce and work teams.
 *
 * <pre>{@code
 * assertThat(fake)                                  // the default account and region, read now
 *         .hasWorkteamsNamed("labelers", "reviewers")
 *         .doesNotHaveWorkteam("temp");
 * assertThat(fake).hasWorkteam("labelers")          // leads to that team's assertions
 *         .hasDescription("Image labelers")
 *         .hasMemberGroupsExactly("labelers");
 * assertThat(fake).hasWorkforce().isActive();       // leads to the workforce's assertions
 * }</pre>
 *
 * <p>When a team or the workforce is missing, the failure names close matches ("Did you mean") and,
 * when the assertion was made on a {@link FakeControl}, the requests about it from the journal, so
 * a rejected {@code CreateWorkteam} shows its error right in the test report.
 */
public class RegionStateAssert extends AbstractFakeAssert<RegionStateAssert, RegionSnapshot> {

    /** Set by soft assertions; see {@link Navigation}. */

    /** Where the snapshot came from, for journal hints in failure messages; null for a bare snapshot. */
    FakeControl source;

    public RegionStateAssert(RegionSnapshot actual) {
        super(actual, RegionStateAssert.class);
    }

    public static RegionStateAssert assertThat(RegionSnapshot actual) {
        return new RegionStateAssert(actual);
    }

    /** Reads the default account and region of the fake now; later changes are not seen. */
    public static RegionStateAssert assertThat(FakeControl fake) {
        RegionStateAssert assertion = new RegionStateAssert(fake == null ? null : fake.state());
        assertion.source = fake;
        return assertion;
    }

    // ------------------------------------------------------------------ workforce

    /**
     * Verifies there is a workforce, and leads to its assertions.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert hasWorkforce() {
        return Navigation.step(this, navigation, () -> {
            isNotNull();
            Optional<WorkforceSnapshot> workforce = actual.workforce();
            if (workforce.isEmpty()) {
                fail("Expecting a workforce in %s, but there is none.%s", where(),
                        journalHint("Workforce requests", this::isWorkforceRequest));
            }
            return workforce.get();
        }, WorkforceAssert.class, WorkforceSnapshot.class, WorkforceAssert::new);
    }

    /**
     * Verifies there is a workforce with this name, and leads to its assertions.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert hasWorkforceNamed(String name) {
        return Navigation.step(this, navigation, () -> {
            isNotNull();
            Optional<WorkforceSnapshot> workforce = actual.workforce();
            if (workforce.isEmpty()) {
                fail("Expecting a workforce named %s in %s, but there is none.%s", quote(name), where(),
                        journalHint("Workforce requests", this::isWorkforceRequest));
            }
            if (!workforce.get().name().equals(name)) {
                fail("Expecting a workforce named %s in %s, but the workforce there is named %s"
                        + " (an account has one workforce per region).", quote(name), where(),
                        quote(workforce.get().name()));
            }
            return workforce.get();
        }, WorkforceAssert.class, WorkforceSnapshot.class, WorkforceAssert::new);
    }

    /**
     * Verifies that the account and region has no workforce.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RegionStateAssert hasNoWorkforce() {
        isNotNull();
        actual.workforce().ifPresent(workforce ->
                fail("Expecting no workforce in %s, but found:%n  %s", where(), workforce));
        return myself;
    }

    // ------------------------------------------------------------------ work teams

    /**
     * Verifies there is a work team with this name, and leads to its assertions.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkteamAssert hasWorkteam(String name) {
        return Navigation.step(this, navigation, () -> {
            isNotNull();
            Optional<WorkteamSnapshot> team = actual.workteam(name);
            if (team.isEmpty()) {
                fail("Expecting a work team named %s in %s, but there is none.%s%n%s%s", quote(name), where(),
                        NearMatches.hint(name, actual.workteamNames()), teamsThere(),
                        journalHint("Requests naming " + quote(name), e -> namesWorkteam(e, name)));
            }
            return team.get();
        }, WorkteamAssert.class, WorkteamSnapshot.class, WorkteamAssert::new);
    }

    /**
     * Verifies that the account and region has no work team of this name.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RegionStateAssert doesNotHaveWorkteam(String name) {
        isNotNull();
        actual.workteam(name).ifPresent(team ->
                fail("Expecting no work team named %s in %s, but found:%n  %s", quote(name), where(), team));
        return myself;
    }

    /**
     * Verifies that the account and region has exactly {@code expected} work teams.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RegionStateAssert hasWorkteamCount(int expected) {
        isNotNull();
        if (actual.workteams().size() != expected) {
            fail("Expecting %s in %s, but found %d: %s", Texts.plural(expected, "work team", "work teams"), where(),
                    actual.workteams().size(), list(actual.workteamNames()));
        }
        return myself;
    }

    /**
     * Verifies that the account and region has no work team.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RegionStateAssert hasNoWorkteams() {
        isNotNull();
        if (!actual.workteams().isEmpty()) {
            fail("Expecting no work teams in %s, but found %d: %s", where(), actual.workteams().size(),
                    list(actual.workteamNames()));
        }
        return myself;
    }

    /**
     * Verifies these work teams exist (others may too).
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RegionStateAssert hasWorkteamsNamed(String... names) {
        isNotNull();
        List<String> missing = missing(names);
        if (!missing.isEmpty()) {
            StringBuilder hints = new StringBuilder();
            for (String m : missing) {
                List<String> near = NearMatches.of(m, actual.workteamNames());
                if (!near.isEmpty()) {
                    hints.append(String.format("%nDid you mean %s for %s?", String.join(", ",
                            near.stream().map(Texts::quote).toList()), quote(m)));
                }
            }
            fail("Expecting work teams in %s to include:%n  %s%nbut these are missing:%n  %s%s%n%s", where(),
                    list(Arrays.asList(names)), list(missing), hints, teamsThere());
        }
        return myself;
    }

    /**
     * Verifies exactly these work teams exist, in any order.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RegionStateAssert hasOnlyWorkteamsNamed(String... names) {
        isNotNull();
        List<String> missing = missing(names);
        Set<String> expected = new LinkedHashSet<>(Arrays.asList(names));
        List<String> unexpected = actual.workteamNames().stream().filter(n -> !expected.contains(n)).toList();
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            fail("Expecting the work teams in %s to be exactly:%n  %s%nbut found:%n  %s%s%s", where(),
                    list(expected), list(actual.workteamNames()),
                    missing.isEmpty() ? "" : String.format("%nmissing:%n  %s", list(missing)),
                    unexpected.isEmpty() ? "" : String.format("%nunexpected:%n  %s", list(unexpected)));
        }
        return myself;
    }

    /**
     * Verifies nothing exists here: no workforce, no work teams, no seeded vendor teams or jobs.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RegionStateAssert isEmpty() {
        isNotNull();
        if (!actual.isEmpty()) {
            List<String> found = new ArrayList<>();
            actual.workforce().ifPresent(w -> found.add("workforce " + quote(w.name())));
            if (!actual.workteams().isEmpty()) {
                found.add("work teams " + list(actual.workteamNames()));
            }
            if (!actual.subscribedWorkteams().isEmpty()) {
                found.add(actual.subscribedWorkteams().size() + " subscribed vendor team(s)");
            }
            if (!actual.labelingJobs().isEmpty()) {
                found.add("labeling jobs for " + list(actual.labelingJobs().keySet()));
            }
            if (!actual.labelingJobList().isEmpty()) {
                found.add("labeling jobs " + list(actual.labelingJobNames()));
            }
            if (!actual.flowDefinitions().isEmpty()) {
                found.add("flow definitions " + list(actual.flowDefinitionNames()));
            }
            if (!actual.humanTaskUis().isEmpty()) {
                found.add("human task UIs " + list(actual.humanTaskUiNames()));
            }
            fail("Expecting nothing in %s, but found %s", where(), String.join(", ", found));
        }
        return myself;
    }

    // ------------------------------------------------------------------ the labeling plane

    /**
     * Verifies there is a labeling job with this name (ignoring case, as the service does), and leads
     * to its assertions.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public LabelingJobAssert hasLabelingJob(String name) {
        return Navigation.step(this, navigation, () -> {
            isNotNull();
            Optional<LabelingJobSnapshot> job = actual.labelingJob(name);
            if (job.isEmpty()) {
                fail("Expecting a labeling job named %s in %s, but there is none.%s%n%s%s", quote(name), where(),
                        NearMatches.hint(name, actual.labelingJobNames()),
                        there("Labeling jobs", actual.labelingJobNames()),
                        journalHint("Requests naming " + quote(name), e -> names(e, "LabelingJobName", name)));
            }
            return job.get();
        }, LabelingJobAssert.class, LabelingJobSnapshot.class, LabelingJobAssert::new);
    }

    /**
     * Verifies that the account and region has no labeling job of this name (ignoring case).
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RegionStateAssert doesNotHaveLabelingJob(String name) {
        isNotNull();
        actual.labelingJob(name).ifPresent(job ->
                fail("Expecting no labeling job named %s in %s, but found:%n  %s", quote(name), where(), job));
        return myself;
    }

    /**
     * Verifies there is a flow definition with this name, and leads to its assertions.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public FlowDefinitionAssert hasFlowDefinition(String name) {
        return Navigation.step(this, navigation, () -> {
            isNotNull();
            Optional<FlowDefinitionSnapshot> flow = actual.flowDefinition(name);
            if (flow.isEmpty()) {
                fail("Expecting a flow definition named %s in %s, but there is none.%s%n%s%s", quote(name), where(),
                        NearMatches.hint(name, actual.flowDefinitionNames()),
                        there("Flow definitions", actual.flowDefinitionNames()),
                        journalHint("Requests naming " + quote(name), e -> names(e, "FlowDefinitionName", name)));
            }
            return flow.get();
        }, FlowDefinitionAssert.class, FlowDefinitionSnapshot.class, FlowDefinitionAssert::new);
    }

    /**
     * Verifies that the account and region has no flow definition of this name (a Deleting one still counts).
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RegionStateAssert doesNotHaveFlowDefinition(String name) {
        isNotNull();
        actual.flowDefinition(name).ifPresent(flow ->
                fail("Expecting no flow definition named %s in %s, but found:%n  %s", quote(name), where(), flow));
        return myself;
    }

    /**
     * Verifies there is a human task UI (worker task template) with this name, and leads to its assertions.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public HumanTaskUiAssert hasHumanTaskUi(String name) {
        return Navigation.step(this, navigation, () -> {
            isNotNull();
            Optional<HumanTaskUiSnapshot> ui = actual.humanTaskUi(name);
            if (ui.isEmpty()) {
                fail("Expecting a human task UI named %s in %s, but there is none.%s%n%s%s", quote(name), where(),
                        NearMatches.hint(name, actual.humanTaskUiNames()),
                        there("Human task UIs", actual.humanTaskUiNames()),
                        journalHint("Requests naming " + quote(name), e -> names(e, "HumanTaskUiName", name)));
            }
            return ui.get();
        }, HumanTaskUiAssert.class, HumanTaskUiSnapshot.class, HumanTaskUiAssert::new);
    }

    /**
     * Verifies that the account and region has no human task UI of this name.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RegionStateAssert doesNotHaveHumanTaskUi(String name) {
        isNotNull();
        actual.humanTaskUi(name).ifPresent(ui ->
                fail("Expecting no human task UI named %s in %s, but found:%n  %s", quote(name), where(), ui));
        return myself;
    }

    private static String there(String what, List<String> names) {
        return names.isEmpty() ? "There are no " + what.toLowerCase(java.util.Locale.ROOT) + " there."
                : what + " there (" + names.size() + "): " + list(names);
    }

    /** Requests naming the resource in {@code member}, or by an ARN ending in its name. */
    private static boolean names(JournalEntry entry, String member, String name) {
        if (entry.request().get(member) instanceof String n && n.equalsIgnoreCase(name)) {
            return true;
        }
        return entry.request().get("ResourceArn") instanceof String arn && arn.endsWith("/" + name);
    }

    // ------------------------------------------------------------------ helpers

    private List<String> missing(String... names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (actual.workteam(name).isEmpty() && !missing.contains(name)) {
                missing.add(name);
            }
        }
        return missing;
    }

    private String where() {
        return "account " + actual.account() + ", region " + actual.region();
    }

    private String teamsThere() {
        List<String> names = actual.workteamNames();
        return names.isEmpty() ? "There are no work teams there."
                : "Work teams there (" + names.size() + "): " + list(names);
    }

    private boolean isWorkforceRequest(JournalEntry entry) {
        return entry.operation().endsWith("Workforce")
                || (entry.operation().equals("CreateWorkteam") && !entry.succeeded());
    }

    /** Requests about this team by name, or by ARN (tags, labeling jobs). */
    private static boolean namesWorkteam(JournalEntry entry, String name) {
        if (name.equals(entry.request().get("WorkteamName"))) {
            return true;
        }
        for (String member : List.of("ResourceArn", "WorkteamArn")) {
            if (entry.request().get(member) instanceof String arn && arn.endsWith("/" + name)) {
                return true;
            }
        }
        return false;
    }

    /** The journal's requests in this account and region that match, or nothing for a bare snapshot. */
    private String journalHint(String heading, Predicate<JournalEntry> relevant) {
        if (source == null) {
            return "";
        }
        List<JournalEntry> entries;
        try {
            entries = source.journal().stream()
                    .filter(e -> actual.account().equals(e.account()) && actual.region().equals(e.region()))
                    .filter(relevant)
                    .toList();
        } catch (RuntimeException unreadable) { // e.g. a server gone: the assertion's own message still stands
            return String.format("%n(The journal could not be read: %s)", unreadable);
        }
        return entries.isEmpty() ? String.format("%n%s: none in the journal.", heading)
                : String.format("%n%s:%n%s", heading, Texts.calls(entries));
    }

}
