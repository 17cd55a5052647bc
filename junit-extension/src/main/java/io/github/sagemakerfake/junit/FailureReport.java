package io.github.sagemakerfake.junit;

import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.control.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the fake looked like when a test failed: every account and region with resources, and the
 * last requests with their answers. Attached to the failure as a suppressed exception (so the
 * original failure stays first and unchanged) and published as a report entry.
 */
final class FailureReport {

    /** Requests shown; the journal keeps more, {@code FakeControl.journal()} has them all. */
    static final int LAST_REQUESTS = 20;

    static final String STATE_ENTRY = "sagemaker.fake.state";
    static final String REQUESTS_ENTRY = "sagemaker.fake.requests";

    private FailureReport() {
    }

    /** Carries the report in a test's failure; no stack trace of its own, which would only be noise. */
    static final class FakeStateAtFailure extends RuntimeException {
        FakeStateAtFailure(String report) {
            super(report, null, false, false);
        }
    }

    static String render(FakeScope scope) {
        StateSnapshot snapshot = scope.control().snapshot();
        List<JournalEntry> journal = scope.control().journal();
        List<FaultRule> faults = scope.control().faults();
        StringBuilder out = new StringBuilder();
        out.append("The SageMaker fake of ").append(scope.owner()).append(" when the failure happened (")
                .append(scope.configuration().transport)
                .append(scope.endpoint() == null ? "" : " " + scope.endpoint())
                .append(", default account ").append(snapshot.defaultAccount())
                .append(", default region ").append(snapshot.defaultRegionName()).append(")\n");
        out.append("State:\n");
        List<RegionSnapshot> regions = snapshot.regions().stream().filter(r -> !r.isEmpty()).toList();
        if (regions.isEmpty()) {
            out.append("  (empty: no workforce, no work teams in any account or region)\n");
        }
        for (RegionSnapshot region : regions) {
            out.append("  ").append(region.account()).append('/').append(region.region()).append(": ")
                    .append(summary(region)).append('\n')
                    .append("    ").append(region).append('\n');
        }
        out.append(requests(journal));
        if (!faults.isEmpty()) {
            out.append("Fault rules in force:\n");
            faults.forEach(f -> out.append("  ").append(f).append('\n'));
        }
        return out.toString();
    }

    static Map<String, String> reportEntry(FakeScope scope) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(STATE_ENTRY, scope.control().snapshot().toString());
        entry.put(REQUESTS_ENTRY, requests(scope.control().journal()));
        return entry;
    }

    private static String requests(List<JournalEntry> journal) {
        StringBuilder out = new StringBuilder();
        if (journal.isEmpty()) {
            return "Requests: none (nothing reached this fake: was the code under test given its client or endpoint?)\n";
        }
        int from = Math.max(0, journal.size() - LAST_REQUESTS);
        out.append(from == 0 ? "Requests (" + journal.size() + "):\n"
                : "Requests (last " + LAST_REQUESTS + " of " + journal.size() + "):\n");
        for (JournalEntry entry : journal.subList(from, journal.size())) {
            out.append("  ").append(entry).append('\n');
        }
        return out.toString();
    }

    private static String summary(RegionSnapshot region) {
        String workforce = region.workforce().map(w -> "workforce " + w.name() + " (" + w.status() + ")")
                .orElse("no workforce");
        String teams = region.workteams().isEmpty() ? "no work teams"
                : region.workteams().size() + " work team(s) " + region.workteamNames().stream()
                        .collect(Collectors.joining(", ", "[", "]"));
        return workforce + ", " + teams;
    }
}
