package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.control.FlowDefinitionSnapshot;
import io.github.sagemakerfake.control.HumanTaskUiSnapshot;
import io.github.sagemakerfake.control.LabelingJobSnapshot;
import io.github.sagemakerfake.control.RegionSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labeling plane of one (account, region): labeling jobs, flow definitions and human task UIs.
 * Part of a {@link RegionState} and guarded by its lock.
 */
final class LabelingState {

    /** By name folded to lower case: labeling job names are unique ignoring case, and never free again. */
    final TreeMap<String, LabelingJobRecord> jobs = new TreeMap<>();
    /** By name (lower case by the model's pattern); a name is free again once its deletion finished. */
    final TreeMap<String, FlowDefinitionRecord> flowDefinitions = new TreeMap<>();
    final TreeMap<String, HumanTaskUiRecord> humanTaskUis = new TreeMap<>();

    static String jobKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    LabelingJobRecord job(String name) {
        return jobs.get(jobKey(name));
    }

    /** Applies transitions that completed by {@code now}. */
    void settle(Instant now) {
        for (LabelingJobRecord job : jobs.values()) {
            job.settle(now);
        }
        for (Iterator<FlowDefinitionRecord> it = flowDefinitions.values().iterator(); it.hasNext(); ) {
            FlowDefinitionRecord flow = it.next();
            flow.settle(now);
            if (flow.gone) {
                it.remove();
            }
        }
    }

    /** Ends every open transition of a job or flow definition now, as it would end; how many ended. */
    int endTransitions(Instant now) {
        int ended = 0;
        for (LabelingJobRecord job : jobs.values()) {
            if (job.transition != null) {
                job.endTransition(now);
                ended++;
            }
        }
        for (FlowDefinitionRecord flow : flowDefinitions.values()) {
            if (flow.transition != null) {
                flow.endTransition();
                ended++;
            }
        }
        settle(now); // drops flow definitions whose deletion just ended
        return ended;
    }

    /** The live tag map of a labeling job, flow definition or task UI with exactly this ARN, or null. */
    Map<String, String> tagsOf(String resourceType, String resourceName, String arn) {
        switch (resourceType) {
            case "labeling-job": {
                LabelingJobRecord job = job(resourceName);
                return job != null && job.arn.equals(arn) ? job.tags : null;
            }
            case "flow-definition": {
                FlowDefinitionRecord flow = flowDefinitions.get(resourceName);
                return flow != null && flow.arn.equals(arn) ? flow.tags : null;
            }
            case "human-task-ui": {
                HumanTaskUiRecord ui = humanTaskUis.get(resourceName);
                return ui != null && ui.arn.equals(arn) ? ui.tags : null;
            }
            default:
                return null;
        }
    }

    /** Snapshots, sorted by name (jobs ignoring case). */
    List<LabelingJobSnapshot> jobSnapshots() {
        List<LabelingJobSnapshot> list = new ArrayList<>(jobs.size());
        jobs.values().forEach(job -> list.add(new LabelingJobSnapshot(job.toWire())));
        return list;
    }

    List<FlowDefinitionSnapshot> flowDefinitionSnapshots() {
        List<FlowDefinitionSnapshot> list = new ArrayList<>(flowDefinitions.size());
        for (FlowDefinitionRecord flow : flowDefinitions.values()) {
            Map<String, Object> wire = flow.toWire();
            wire.put("Tags", RegionSnapshot.tagList(flow.tags));
            list.add(new FlowDefinitionSnapshot(wire));
        }
        return list;
    }

    List<HumanTaskUiSnapshot> humanTaskUiSnapshots() {
        List<HumanTaskUiSnapshot> list = new ArrayList<>(humanTaskUis.size());
        for (HumanTaskUiRecord ui : humanTaskUis.values()) {
            Map<String, Object> wire = new LinkedHashMap<>(ui.toSummary());
            wire.put("HumanTaskUiStatus", HumanTaskUiRecord.ACTIVE);
            Map<String, Object> template = new LinkedHashMap<>();
            template.put("Content", ui.content);
            template.put("ContentSha256", ui.contentSha256);
            wire.put("UiTemplate", template);
            wire.put("Tags", RegionSnapshot.tagList(ui.tags));
            list.add(new HumanTaskUiSnapshot(wire));
        }
        return list;
    }

    static boolean isLabelingResourceType(String resourceType) {
        return "labeling-job".equals(resourceType) || "flow-definition".equals(resourceType)
                || "human-task-ui".equals(resourceType);
    }

    boolean isEmpty() {
        return jobs.isEmpty() && flowDefinitions.isEmpty() && humanTaskUis.isEmpty();
    }

    void clear() {
        jobs.clear();
        flowDefinitions.clear();
        humanTaskUis.clear();
    }
}
