package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the fake holds for one account and region, at one instant: the workforce (if any),
 * the work teams sorted by name, the seeded vendor teams and work-team labeling jobs, and the
 * labeling plane (labeling jobs, flow definitions and human task UIs, each sorted by name).
 */
public final class RegionSnapshot {

    private final String account;
    private final String region;
    private final WorkforceSnapshot workforce;
    private final List<WorkteamSnapshot> workteams;
    private final List<Map<String, Object>> subscribedWorkteams;
    private final Map<String, List<Map<String, Object>>> labelingJobs;
    private final List<LabelingJobSnapshot> labelingJobList;
    private final List<FlowDefinitionSnapshot> flowDefinitions;
    private final List<HumanTaskUiSnapshot> humanTaskUis;

    public RegionSnapshot(String account, String region, WorkforceSnapshot workforce,
                          List<WorkteamSnapshot> workteams, List<Map<String, Object>> subscribedWorkteams,
                          Map<String, List<Map<String, Object>>> labelingJobsByWorkteamArn) {
        this(account, region, workforce, workteams, subscribedWorkteams, labelingJobsByWorkteamArn, List.of(),
                List.of(), List.of());
    }

    /** With the labeling plane: labeling jobs, flow definitions and human task UIs. */
    public RegionSnapshot(String account, String region, WorkforceSnapshot workforce,
                          List<WorkteamSnapshot> workteams, List<Map<String, Object>> subscribedWorkteams,
                          Map<String, List<Map<String, Object>>> labelingJobsByWorkteamArn,
                          List<LabelingJobSnapshot> labelingJobList, List<FlowDefinitionSnapshot> flowDefinitions,
                          List<HumanTaskUiSnapshot> humanTaskUis) {
        this.account = account;
        this.region = region;
        this.workforce = workforce;
        this.workteams = List.copyOf(workteams);
        this.subscribedWorkteams = Json.freeze(subscribedWorkteams);
        this.labelingJobs = Json.freeze(labelingJobsByWorkteamArn);
        this.labelingJobList = List.copyOf(labelingJobList);
        this.flowDefinitions = List.copyOf(flowDefinitions);
        this.humanTaskUis = List.copyOf(humanTaskUis);
    }

    /** A region in which nothing was ever created. */
    public static RegionSnapshot empty(String account, String region) {
        return new RegionSnapshot(account, region, null, List.of(), List.of(), Map.of());
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    public Optional<WorkforceSnapshot> workforce() {
        return Optional.ofNullable(workforce);
    }

    /** Work teams sorted by name. */
    public List<WorkteamSnapshot> workteams() {
        return workteams;
    }

    public Optional<WorkteamSnapshot> workteam(String name) {
        return workteams.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public List<String> workteamNames() {
        return workteams.stream().map(WorkteamSnapshot::name).toList();
    }

    public List<Map<String, Object>> subscribedWorkteams() {
        return subscribedWorkteams;
    }

    /**
     * The work-team view that a seed gave (LabelingJobForWorkteamSummary wire form) by work team ARN;
     * the labeling jobs created with CreateLabelingJob are {@link #labelingJobList()}.
     */
    public Map<String, List<Map<String, Object>>> labelingJobs() {
        return labelingJobs;
    }

    /** The labeling jobs created with CreateLabelingJob (or seeded as such), sorted by name ignoring case. */
    public List<LabelingJobSnapshot> labelingJobList() {
        return labelingJobList;
    }

    /** The labeling job with this name, ignoring case as the service does. */
    public Optional<LabelingJobSnapshot> labelingJob(String name) {
        return labelingJobList.stream().filter(j -> j.name().equalsIgnoreCase(name)).findFirst();
    }

    public List<String> labelingJobNames() {
        return labelingJobList.stream().map(LabelingJobSnapshot::name).toList();
    }

    /** Flow definitions sorted by name (a Deleting one stays until its deletion finished). */
    public List<FlowDefinitionSnapshot> flowDefinitions() {
        return flowDefinitions;
    }

    public Optional<FlowDefinitionSnapshot> flowDefinition(String name) {
        return flowDefinitions.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<String> flowDefinitionNames() {
        return flowDefinitions.stream().map(FlowDefinitionSnapshot::name).toList();
    }

    /** Human task UIs (worker task templates) sorted by name. */
    public List<HumanTaskUiSnapshot> humanTaskUis() {
        return humanTaskUis;
    }

    public Optional<HumanTaskUiSnapshot> humanTaskUi(String name) {
        return humanTaskUis.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public List<String> humanTaskUiNames() {
        return humanTaskUis.stream().map(HumanTaskUiSnapshot::name).toList();
    }

    public boolean isEmpty() {
        return workforce == null && workteams.isEmpty() && subscribedWorkteams.isEmpty() && labelingJobs.isEmpty()
                && labelingJobList.isEmpty() && flowDefinitions.isEmpty() && humanTaskUis.isEmpty();
    }

    /** The JSON form used by the admin API. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Account", account);
        map.put("Region", region);
        if (workforce != null) {
            map.put("Workforce", workforce.toMap());
        }
        List<Object> teams = new ArrayList<>();
        for (WorkteamSnapshot team : workteams) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Workteam", team.toMap());
            entry.put("Tags", tagList(team.tags()));
            teams.add(entry);
        }
        map.put("Workteams", teams);
        map.put("SubscribedWorkteams", subscribedWorkteams);
        map.put("LabelingJobs", labelingJobs);
        map.put("LabelingJobList", labelingJobList.stream().map(LabelingJobSnapshot::toMap).toList());
        map.put("FlowDefinitions", flowDefinitions.stream().map(FlowDefinitionSnapshot::toMap).toList());
        map.put("HumanTaskUis", humanTaskUis.stream().map(HumanTaskUiSnapshot::toMap).toList());
        return map;
    }

    @SuppressWarnings("unchecked")
    public static RegionSnapshot fromMap(Map<String, Object> map) {
        WorkforceSnapshot workforce = map.get("Workforce") == null ? null
                : new WorkforceSnapshot((Map<String, Object>) map.get("Workforce"));
        List<WorkteamSnapshot> teams = new ArrayList<>();
        for (Object entry : (List<Object>) map.getOrDefault("Workteams", List.of())) {
            Map<String, Object> e = (Map<String, Object>) entry;
            teams.add(new WorkteamSnapshot((Map<String, Object>) e.get("Workteam"),
                    tagMap((List<Object>) e.getOrDefault("Tags", List.of()))));
        }
        List<LabelingJobSnapshot> jobs = new ArrayList<>();
        for (Object job : (List<Object>) map.getOrDefault("LabelingJobList", List.of())) {
            jobs.add(new LabelingJobSnapshot((Map<String, Object>) job));
        }
        List<FlowDefinitionSnapshot> flows = new ArrayList<>();
        for (Object flow : (List<Object>) map.getOrDefault("FlowDefinitions", List.of())) {
            flows.add(new FlowDefinitionSnapshot((Map<String, Object>) flow));
        }
        List<HumanTaskUiSnapshot> uis = new ArrayList<>();
        for (Object ui : (List<Object>) map.getOrDefault("HumanTaskUis", List.of())) {
            uis.add(new HumanTaskUiSnapshot((Map<String, Object>) ui));
        }
        return new RegionSnapshot((String) map.get("Account"), (String) map.get("Region"), workforce, teams,
                (List<Map<String, Object>>) map.getOrDefault("SubscribedWorkteams", List.of()),
                (Map<String, List<Map<String, Object>>>) map.getOrDefault("LabelingJobs", Map.of()), jobs, flows, uis);
    }

    /** Tags in the wire form {@code [{"Key": k, "Value": v}]}. */
    public static List<Object> tagList(Map<String, String> tags) {
        List<Object> list = new ArrayList<>(tags.size());
        tags.forEach((k, v) -> {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("Key", k);
            tag.put("Value", v);
            list.add(tag);
        });
        return list;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> tagMap(List<Object> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Object tag : tags) {
            Map<String, Object> t = (Map<String, Object>) tag;
            map.put((String) t.get("Key"), (String) t.get("Value"));
        }
        return map;
    }

    @Override
    public String toString() {
        return Json.write(toMap());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionSnapshot other && toMap().equals(other.toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }
}
