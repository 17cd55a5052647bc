package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.internal.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The labeling plane's member of a region in the state document (docs/server.md, "The state file"):
 * labeling jobs, flow definitions and human task UIs (docs/labeling.md), each with what its Describe
 * shows and what none does (the transition in progress with its reads left or end time, the
 * counters, the template content). A labeling job's name stays taken ignoring case, as every job
 * is kept. A document without the member (version 1, or one written before the labeling plane)
 * has none of them.
 *
 * <pre>
 * "Labeling": {"LabelingJobs": [...], "FlowDefinitions": [...], "HumanTaskUis": [...]}
 * </pre>
 */
final class LabelingPart implements StateImage.Part {

    private static final Set<String> MEMBERS = Set.of("LabelingJobs", "FlowDefinitions", "HumanTaskUis");
    private static final Set<String> JOB_MEMBERS = Set.of("LabelingJobName", "LabelingJobArn", "JobReferenceCode",
            "CreationTime", "LastModifiedTime", "Status", "FailureReason", "Transition", "LabelAttributeName",
            "InputConfig", "OutputConfig", "RoleArn", "LabelCategoryConfigS3Uri", "StoppingConditions",
            "LabelingJobAlgorithmsConfig", "HumanTaskConfig", "Tags", "Counters", "LabelingJobOutput");
    private static final Set<String> JOB_STATUSES = Set.of(LabelingJobRecord.INITIALIZING,
            LabelingJobRecord.IN_PROGRESS, LabelingJobRecord.COMPLETED, LabelingJobRecord.FAILED,
            LabelingJobRecord.STOPPING, LabelingJobRecord.STOPPED);
    private static final Set<String> JOB_TRANSITIONAL = Set.of(LabelingJobRecord.INITIALIZING,
            LabelingJobRecord.STOPPING);
    private static final Set<String> JOB_SETTLES_TO = Set.of(LabelingJobRecord.IN_PROGRESS,
            LabelingJobRecord.FAILED, LabelingJobRecord.STOPPED);
    private static final Set<String> COUNTERS = Set.of("HumanLabeled", "MachineLabeled", "FailedNonRetryableError",
            "Unlabeled");
    private static final Set<String> FLOW_MEMBERS = Set.of("FlowDefinitionName", "FlowDefinitionArn",
            "CreationTime", "Status", "FailureReason", "Transition", "HumanLoopRequestSource",
            "HumanLoopActivationConfig", "HumanLoopConfig", "OutputConfig", "RoleArn", "Tags");
    private static final Set<String> FLOW_STATUSES = Set.of(FlowDefinitionRecord.INITIALIZING,
            FlowDefinitionRecord.ACTIVE, FlowDefinitionRecord.FAILED, FlowDefinitionRecord.DELETING);
    private static final Set<String> FLOW_TRANSITIONAL = Set.of(FlowDefinitionRecord.INITIALIZING,
            FlowDefinitionRecord.DELETING);
    private static final Set<String> FLOW_SETTLES_TO = Set.of(FlowDefinitionRecord.ACTIVE,
            FlowDefinitionRecord.FAILED);
    private static final Set<String> UI_MEMBERS = Set.of("HumanTaskUiName", "HumanTaskUiArn", "CreationTime",
            "Content", "ContentSha256", "Tags");
    private static final Set<String> TRANSITION_MEMBERS = Set.of("Kind", "SettlesTo", "FailureReason", "ReadsLeft",
            "EndsAt");

    @Override
    public String member() {
        return "Labeling";
    }

    // ------------------------------------------------------------------------------ write

    @Override
    public Object write(RegionState state, IdSource ids) {
        LabelingState l = state.labeling;
        if (l.isEmpty()) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        List<Object> jobs = new ArrayList<>();
        for (LabelingJobRecord j : l.jobs.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("LabelingJobName", j.name);
            m.put("LabelingJobArn", j.arn);
            m.put("JobReferenceCode", j.jobReferenceCode);
            m.put("CreationTime", j.creationTime.toString());
            m.put("LastModifiedTime", j.lastModifiedTime.toString());
            m.put("Status", j.status);
            m.put("FailureReason", j.failureReason);
            m.put("Transition", transition(j.transition, j.settlesTo, j.pendingFailureReason));
            m.put("LabelAttributeName", j.labelAttributeName);
            m.put("InputConfig", Json.freeze(j.inputConfig));
            m.put("OutputConfig", Json.freeze(j.outputConfig));
            m.put("RoleArn", j.roleArn);
            m.put("LabelCategoryConfigS3Uri", j.labelCategoryConfigS3Uri);
            m.put("StoppingConditions", Json.freeze(j.stoppingConditions));
            m.put("LabelingJobAlgorithmsConfig", Json.freeze(j.algorithmsConfig));
            m.put("HumanTaskConfig", Json.freeze(j.humanTaskConfig));
            m.put("Tags", RegionSnapshot.tagList(j.tags));
            Map<String, Object> counters = new LinkedHashMap<>();
            counters.put("HumanLabeled", j.humanLabeled);
            counters.put("MachineLabeled", j.machineLabeled);
            counters.put("FailedNonRetryableError", j.failedNonRetryableError);
            counters.put("Unlabeled", j.unlabeled);
            m.put("Counters", counters);
            m.put("LabelingJobOutput", Json.freeze(j.output));
            jobs.add(m);
        }
        map.put("LabelingJobs", jobs);
        List<Object> flows = new ArrayList<>();
        for (FlowDefinitionRecord f : l.flowDefinitions.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("FlowDefinitionName", f.name);
            m.put("FlowDefinitionArn", f.arn);
            m.put("CreationTime", f.creationTime.toString());
            m.put("Status", f.status);
            m.put("FailureReason", f.failureReason);
            m.put("Transition", transition(f.transition, f.settlesTo, f.pendingFailureReason));
            m.put("HumanLoopRequestSource", Json.freeze(f.humanLoopRequestSource));
            m.put("HumanLoopActivationConfig", Json.freeze(f.humanLoopActivationConfig));
            m.put("HumanLoopConfig", Json.freeze(f.humanLoopConfig));
            m.put("OutputConfig", Json.freeze(f.outputConfig));
            m.put("RoleArn", f.roleArn);
            m.put("Tags", RegionSnapshot.tagList(f.tags));
            flows.add(m);
        }
        map.put("FlowDefinitions", flows);
        List<Object> uis = new ArrayList<>();
        for (HumanTaskUiRecord u : l.humanTaskUis.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("HumanTaskUiName", u.name);
            m.put("HumanTaskUiArn", u.arn);
            m.put("CreationTime", u.creationTime.toString());
            m.put("Content", u.content);
            m.put("ContentSha256", u.contentSha256);
            m.put("Tags", RegionSnapshot.tagList(u.tags));
            uis.add(m);
        }
        map.put("HumanTaskUis", uis);
        return map;
    }

    private static Map<String, Object> transition(Transition t, String settlesTo, String failureReason) {
        if (t == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Kind", t.kind().name());
        m.put("SettlesTo", settlesTo);
        m.put("FailureReason", failureReason);
        if (t.kind() == Lifecycle.Kind.OBSERVED) {
            m.put("ReadsLeft", t.readsLeft());
        }
        if (t.kind() == Lifecycle.Kind.TIMED) {
            m.put("EndsAt", t.endsAt().toString());
        }
        return m;
    }

    // ------------------------------------------------------------------------------ read

    @Override
    public void read(StateImage.Reader in, Object value, RegionState state, IdSource ids) {
        Map<String, Object> map = in.object(value, "Labeling");
        in.only(map, "Labeling", MEMBERS);
        LabelingState l = state.labeling;
        List<Object> jobs = in.list(map.getOrDefault("LabelingJobs", List.of()), "Labeling.LabelingJobs");
        for (int i = 0; i < jobs.size(); i++) {
            LabelingJobRecord job = readJob(in, in.object(jobs.get(i), "Labeling.LabelingJobs[" + i + "]"),
                    "Labeling.LabelingJobs[" + i + "]");
            if (l.jobs.putIfAbsent(LabelingState.jobKey(job.name), job) != null) {
                throw in.fail("Labeling.LabelingJobs[" + i + "]", "repeats labeling job " + job.name
                        + " (names are unique ignoring case).");
            }
        }
        List<Object> flows = in.list(map.getOrDefault("FlowDefinitions", List.of()), "Labeling.FlowDefinitions");
        for (int i = 0; i < flows.size(); i++) {
            String w = "Labeling.FlowDefinitions[" + i + "]";
            FlowDefinitionRecord flow = readFlow(in, in.object(flows.get(i), w), w);
            if (l.flowDefinitions.putIfAbsent(flow.name, flow) != null) {
                throw in.fail(w, "repeats flow definition " + flow.name + ".");
            }
        }
        List<Object> uis = in.list(map.getOrDefault("HumanTaskUis", List.of()), "Labeling.HumanTaskUis");
        for (int i = 0; i < uis.size(); i++) {
            String w = "Labeling.HumanTaskUis[" + i + "]";
            Map<String, Object> m = in.object(uis.get(i), w);
            in.only(m, w, UI_MEMBERS);
            HumanTaskUiRecord ui = new HumanTaskUiRecord(in.text(m.get("HumanTaskUiName"), w + ".HumanTaskUiName"),
                    in.text(m.get("HumanTaskUiArn"), w + ".HumanTaskUiArn"),
                    in.instant(m.get("CreationTime"), w + ".CreationTime", true),
                    in.text(m.get("Content"), w + ".Content"));
            String sha = in.optionalText(m.get("ContentSha256"), w + ".ContentSha256");
            if (sha != null && !sha.equals(ui.contentSha256)) {
                throw in.fail(w + ".ContentSha256", "is " + sha + " but the SHA-256 of Content is "
                        + ui.contentSha256 + "; it is the digest of the template, not a value of its own.");
            }
            ui.tags.putAll(in.tags(m.get("Tags"), w + ".Tags"));
            if (l.humanTaskUis.putIfAbsent(ui.name, ui) != null) {
                throw in.fail(w, "repeats human task UI " + ui.name + ".");
            }
        }
    }

    private static LabelingJobRecord readJob(StateImage.Reader in, Map<String, Object> m, String w) {
        in.only(m, w, JOB_MEMBERS);
        LabelingJobRecord j = new LabelingJobRecord(in.text(m.get("LabelingJobName"), w + ".LabelingJobName"),
                in.text(m.get("LabelingJobArn"), w + ".LabelingJobArn"),
                in.text(m.get("JobReferenceCode"), w + ".JobReferenceCode"),
                in.instant(m.get("CreationTime"), w + ".CreationTime", true));
        j.lastModifiedTime = m.get("LastModifiedTime") == null ? j.creationTime
                : in.instant(m.get("LastModifiedTime"), w + ".LastModifiedTime", true);
        j.status = status(in, m.get("Status"), w + ".Status", JOB_STATUSES);
        j.failureReason = in.optionalText(m.get("FailureReason"), w + ".FailureReason");
        Pending pending = transition(in, m.get("Transition"), w + ".Transition", j.status, JOB_TRANSITIONAL,
                JOB_SETTLES_TO, true);
        if (pending != null) {
            j.transition = pending.transition;
            j.settlesTo = pending.settlesTo;
            j.pendingFailureReason = pending.failureReason;
        }
        j.labelAttributeName = in.optionalText(m.get("LabelAttributeName"), w + ".LabelAttributeName");
        j.inputConfig = required(in, m.get("InputConfig"), w + ".InputConfig");
        j.outputConfig = required(in, m.get("OutputConfig"), w + ".OutputConfig");
        j.roleArn = in.text(m.get("RoleArn"), w + ".RoleArn");
        j.labelCategoryConfigS3Uri = in.optionalText(m.get("LabelCategoryConfigS3Uri"),
                w + ".LabelCategoryConfigS3Uri");
        j.stoppingConditions = in.optionalObject(m.get("StoppingConditions"), w + ".StoppingConditions");
        j.algorithmsConfig = in.optionalObject(m.get("LabelingJobAlgorithmsConfig"),
                w + ".LabelingJobAlgorithmsConfig");
        j.humanTaskConfig = required(in, m.get("HumanTaskConfig"), w + ".HumanTaskConfig");
        j.tags.putAll(in.tags(m.get("Tags"), w + ".Tags"));
        if (m.get("Counters") != null) {
            Map<String, Object> c = in.object(m.get("Counters"), w + ".Counters");
            in.only(c, w + ".Counters", COUNTERS);
            j.humanLabeled = count(in, c.get("HumanLabeled"), w + ".Counters.HumanLabeled");
            j.machineLabeled = count(in, c.get("MachineLabeled"), w + ".Counters.MachineLabeled");
            j.failedNonRetryableError = count(in, c.get("FailedNonRetryableError"),
                    w + ".Counters.FailedNonRetryableError");
            j.unlabeled = count(in, c.get("Unlabeled"), w + ".Counters.Unlabeled");
        }
        j.output = in.optionalObject(m.get("LabelingJobOutput"), w + ".LabelingJobOutput");
        return j;
    }

    private static FlowDefinitionRecord readFlow(StateImage.Reader in, Map<String, Object> m, String w) {
        in.only(m, w, FLOW_MEMBERS);
        FlowDefinitionRecord f = new FlowDefinitionRecord(
                in.text(m.get("FlowDefinitionName"), w + ".FlowDefinitionName"),
                in.text(m.get("FlowDefinitionArn"), w + ".FlowDefinitionArn"),
                in.instant(m.get("CreationTime"), w + ".CreationTime", true));
        f.status = status(in, m.get("Status"), w + ".Status", FLOW_STATUSES);
        f.failureReason = in.optionalText(m.get("FailureReason"), w + ".FailureReason");
        Pending pending = transition(in, m.get("Transition"), w + ".Transition", f.status, FLOW_TRANSITIONAL,
                FLOW_SETTLES_TO, !FlowDefinitionRecord.DELETING.equals(f.status));
        if (pending != null) {
            f.transition = pending.transition;
            f.settlesTo = pending.settlesTo;
            f.pendingFailureReason = pending.failureReason;
        }
        f.humanLoopRequestSource = in.optionalObject(m.get("HumanLoopRequestSource"), w + ".HumanLoopRequestSource");
        f.humanLoopActivationConfig = in.optionalObject(m.get("HumanLoopActivationConfig"),
                w + ".HumanLoopActivationConfig");
        f.humanLoopConfig = in.optionalObject(m.get("HumanLoopConfig"), w + ".HumanLoopConfig");
        f.outputConfig = required(in, m.get("OutputConfig"), w + ".OutputConfig");
        f.roleArn = in.text(m.get("RoleArn"), w + ".RoleArn");
        f.tags.putAll(in.tags(m.get("Tags"), w + ".Tags"));
        return f;
    }

    private static String status(StateImage.Reader in, Object value, String where, Set<String> statuses) {
        String status = in.text(value, where);
        if (!statuses.contains(status)) {
            throw in.fail(where, "is '" + status + "'; it is one of " + new TreeSet<>(statuses) + ".");
        }
        return status;
    }

    private static Map<String, Object> required(StateImage.Reader in, Object value, String where) {
        if (value == null) {
            throw in.fail(where, "is missing.");
        }
        return in.optionalObject(value, where);
    }

    private static long count(StateImage.Reader in, Object value, String where) {
        return value == null ? 0 : in.whole(value, where);
    }

    private record Pending(Transition transition, String settlesTo, String failureReason) {
    }

    /** The pending transition: present exactly while the status is transitional. */
    private static Pending transition(StateImage.Reader in, Object value, String t, String status,
                                      Set<String> transitional, Set<String> settlesTo, boolean needsSettlesTo) {
        boolean inTransition = transitional.contains(status);
        Map<String, Object> map = value == null ? null : in.object(value, t);
        if (inTransition != (map != null)) {
            throw in.fail(t, inTransition ? "is needed while the status is " + status
                    + ": {\"Kind\": \"OBSERVED\", \"ReadsLeft\": 1} or {\"Kind\": \"TIMED\", \"EndsAt\": ...}."
                    : "is only for a status in transition " + new TreeSet<>(transitional) + ".");
        }
        if (map == null) {
            return null;
        }
        in.only(map, t, TRANSITION_MEMBERS);
        Lifecycle.Kind kind;
        try {
            kind = Lifecycle.Kind.valueOf(in.text(map.get("Kind"), t + ".Kind"));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind != Lifecycle.Kind.OBSERVED && kind != Lifecycle.Kind.TIMED) {
            throw in.fail(t + ".Kind", "is one of OBSERVED or TIMED.");
        }
        String to = in.optionalText(map.get("SettlesTo"), t + ".SettlesTo");
        if (needsSettlesTo ? to == null || !settlesTo.contains(to) : to != null) {
            throw in.fail(t + ".SettlesTo", needsSettlesTo ? "is one of " + new TreeSet<>(settlesTo) + "."
                    : "is not set while the status is " + status + ".");
        }
        int reads = kind == Lifecycle.Kind.OBSERVED
                ? (int) Math.min(Integer.MAX_VALUE, in.whole(map.get("ReadsLeft"), t + ".ReadsLeft")) : 0;
        Instant endsAt = kind == Lifecycle.Kind.TIMED ? in.instant(map.get("EndsAt"), t + ".EndsAt", true) : null;
        return new Pending(Transition.restore(kind, reads, endsAt), to,
                in.optionalText(map.get("FailureReason"), t + ".FailureReason"));
    }
}
