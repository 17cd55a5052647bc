package io.github.sagemakerfake.junit;

import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.control.StateSnapshot;
import io.github.sagemakerfake.internal.admin.FaultRuleJson;
import io.github.sagemakerfake.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the fake looked like when a test failed, in two sizes. In the failure, a compact summary
 * (counts, a short line per account and region, the last few requests, the fault rules): a few
 * KB at most, because the assertion's own message already says what differed. On disk, the full
 * state and every request as JSON, under the build directory, its path printed in the summary.
 * Attached to the failure as a suppressed exception (so the original failure stays first and
 * unchanged) and published as a report entry.
 */
final class FailureReport {

    /** Requests shown in the summary; the file and {@code FakeControl.journal()} have them all. */
    static final int LAST_REQUESTS = 5;
    /** Work team names shown per account and region; the file has them all. */
    static final int TEAM_NAMES = 10;
    /** Characters of one line (a fault rule); the file has it whole. */
    static final int LINE_LIMIT = 240;
    /** Characters of a request body and of an error message in a request line; the file has them whole. */
    static final int REQUEST_LIMIT = 100;
    static final int MESSAGE_LIMIT = 120;
    /** Accounts and regions shown; the file has them all. */
    static final int REGIONS = 5;

    static final String STATE_ENTRY = "sagemaker.fake.state";
    static final String REQUESTS_ENTRY = "sagemaker.fake.requests";
    static final String STATE_FILE_ENTRY = "sagemaker.fake.stateFile";

    private final FakeScope scope;
    private final StateSnapshot snapshot;
    private final List<JournalEntry> journal;
    private final List<FaultRule> faults;
    private final Path stateFile;
    private final String stateFileProblem;

    private FailureReport(FakeScope scope, ExtensionContext context) {
        this.scope = scope;
        this.snapshot = scope.control().snapshot();
        this.journal = scope.control().journal();
        this.faults = scope.control().faults();
        Path file = null;
        String problem = null;
        try {
            file = writeStateFile(scope.configuration().reportDirectory, context);
        } catch (IOException | RuntimeException e) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        this.stateFile = file;
        this.stateFileProblem = problem;
    }

    /** A report of the fake now; writes the full state file at once, so that it matches the summary. */
    static FailureReport of(FakeScope scope, ExtensionContext context) {
        return new FailureReport(scope, context);
    }

    /** Carries the report in a test's failure; no stack trace of its own, which would only be noise. */
    static final class FakeStateAtFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FakeStateAtFailure(String report) {
            super(report, null, false, false);
        }
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("The SageMaker fake of ").append(scope.owner()).append(" when the failure happened (")
                .append(scope.configuration().transport)
                .append(scope.endpoint() == null ? "" : " " + scope.endpoint())
                .append(", default account ").append(snapshot.defaultAccount())
                .append(", default region ").append(snapshot.defaultRegionName()).append(")\n");
        out.append(state());
        out.append(requests());
        if (!faults.isEmpty()) {
            out.append("Fault rules in force:\n");
            faults.forEach(f -> out.append("  ").append(clip(f.toString())).append('\n'));
        }
        if (stateFile != null) {
            out.append("Full state and every request: ").append(stateFile.toAbsolutePath()).append('\n');
        } else {
            out.append("The full state could not be written to a file (").append(stateFileProblem)
                    .append("); FakeControl.snapshot() and journal() have it.\n");
        }
        return out.toString();
    }

    Map<String, String> reportEntry() {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(STATE_ENTRY, state());
        entry.put(REQUESTS_ENTRY, requests());
        if (stateFile != null) {
            entry.put(STATE_FILE_ENTRY, stateFile.toAbsolutePath().toString());
        }
        return entry;
    }

    /** The file written, or null when it could not be. */
    Path stateFile() {
        return stateFile;
    }

    private String state() {
        List<RegionSnapshot> regions = snapshot.regions().stream().filter(r -> !r.isEmpty()).toList();
        if (regions.isEmpty()) {
            return "State: empty (no workforce, no work teams in any account or region)\n";
        }
        StringBuilder out = new StringBuilder();
        out.append("State (").append(regions.size()).append(regions.size() == 1 ? " account/region" : " accounts/regions")
                .append(" with resources):\n");
        for (RegionSnapshot region : regions.subList(0, Math.min(REGIONS, regions.size()))) {
            out.append("  ").append(region.account()).append('/').append(region.region()).append(": ")
                    .append(summary(region)).append('\n');
        }
        if (regions.size() > REGIONS) {
            out.append("  ... and ").append(regions.size() - REGIONS).append(" more\n");
        }
        return out.toString();
    }

    private String requests() {
        if (journal.isEmpty()) {
            return "Requests: none (nothing reached this fake: was the code under test given its client or endpoint?)\n";
        }
        StringBuilder out = new StringBuilder();
        out.append("Requests: ").append(journal.size()).append(outcomes()).append('\n');
        int from = Math.max(0, journal.size() - LAST_REQUESTS);
        out.append(from == 0 ? "" : "  ... " + from + " earlier, in the file\n");
        for (JournalEntry entry : journal.subList(from, journal.size())) {
            out.append("  ").append(line(entry)).append('\n');
        }
        return out.toString();
    }

    /** E.g. " (23 succeeded, 2 failed: ResourceLimitExceeded x2)". */
    private String outcomes() {
        Map<String, Long> errors = new TreeMap<>();
        long succeeded = 0;
        for (JournalEntry entry : journal) {
            if (entry.succeeded() && entry.statusCode() != 0) {
                succeeded++;
            } else {
                errors.merge(entry.errorCode() == null ? "no answer" : entry.errorCode(), 1L, Long::sum);
            }
        }
        if (errors.isEmpty()) {
            return " (all succeeded)";
        }
        long failed = journal.size() - succeeded;
        return " (" + succeeded + " succeeded, " + failed + " failed: " + errors.entrySet().stream()
                .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")) + ")";
    }

    private static String summary(RegionSnapshot region) {
        String workforce = region.workforce().map(w -> "workforce " + w.name() + " (" + w.status() + ")")
                .orElse("no workforce");
        List<String> names = region.workteamNames();
        String teams = names.isEmpty() ? "no work teams"
                : names.size() + " work team(s) " + names.stream().limit(TEAM_NAMES)
                        .collect(Collectors.joining(", ", "[", names.size() > TEAM_NAMES
                                ? ", ... " + (names.size() - TEAM_NAMES) + " more]" : "]"));
        int jobs = region.labelingJobs().values().stream().mapToInt(List::size).sum();
        String extra = (region.subscribedWorkteams().isEmpty() ? ""
                : ", " + region.subscribedWorkteams().size() + " subscribed vendor team(s)")
                + (jobs == 0 ? "" : ", " + jobs + " labeling job(s)");
        return workforce + ", " + teams + extra;
    }

    /** A journal entry as {@code JournalEntry.toString()} shows it, with the request and the message clipped, the outcome whole. */
    private static String line(JournalEntry e) {
        return "#" + e.sequence() + " " + e.operation() + " [" + e.account() + "/" + e.region() + "] "
                + clip(Json.write(e.request()), REQUEST_LIMIT) + " -> " + e.statusCode()
                + (e.errorCode() == null ? "" : " " + e.errorCode() + ": " + clip(String.valueOf(e.errorMessage()), MESSAGE_LIMIT))
                + (e.fault() == null ? "" : " (fault: " + clip(e.fault(), MESSAGE_LIMIT) + ")");
    }

    private static String clip(String line) {
        return clip(line, LINE_LIMIT);
    }

    private static String clip(String line, int limit) {
        return line.length() <= limit ? line : line.substring(0, limit - 3) + "...";
    }



    // ------------------------------------------------------------------ the file

    private Path writeStateFile(Path directory, ExtensionContext context) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(fileName(context));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Fake", scope.owner());
        document.put("Configuration", scope.configuration().toString());
        document.put("State", snapshot.toMap());
        List<Object> requests = new ArrayList<>(journal.size());
        journal.forEach(e -> requests.add(e.toMap()));
        document.put("Requests", requests);
        List<Object> rules = new ArrayList<>(faults.size());
        faults.forEach(f -> rules.add(FaultRuleJson.toJson(f)));
        document.put("FaultRules", rules);
        Files.writeString(file, Json.write(document), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The test's class and display name, made safe for any file system, and a hash of the
     * context's unique id (repetitions and parameterized invocations share a display name). A
     * re-run overwrites the file of the same test, so the directory does not grow run after run.
     */
    private static String fileName(ExtensionContext context) {
        String name = context.getTestClass().map(Class::getName).orElse("test")
                + (context.getTestMethod().isPresent() ? "." + context.getDisplayName() : "");
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        if (safe.length() > 150) {
            safe = safe.substring(0, 150);
        }
        return safe + "-" + Integer.toHexString(context.getUniqueId().hashCode()) + ".json";
    }
}
