package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the fake holds for one account and region, at one instant: the workforce (if any),
 * the work teams sorted by name, and the seeded vendor teams and labeling jobs.
 */
public final class RegionSnapshot {

    private final String account;
    private final String region;
    private final WorkforceSnapshot workforce;
    private final List<WorkteamSnapshot> workteams;
    private final List<Map<String, Object>> subscribedWorkteams;
    private final Map<String, List<Map<String, Object>>> labelingJobs;

    public RegionSnapshot(String account, String region, WorkforceSnapshot workforce,
                          List<WorkteamSnapshot> workteams, List<Map<String, Object>> subscribedWorkteams,
                          Map<String, List<Map<String, Object>>> labelingJobsByWorkteamArn) {
        this.account = account;
        this.region = region;
        this.workforce = workforce;
        this.workteams = List.copyOf(workteams);
        this.subscribedWorkteams = Json.freeze(subscribedWorkteams);
        this.labelingJobs = Json.freeze(labelingJobsByWorkteamArn);
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

    /** Seeded labeling jobs (LabelingJobForWorkteamSummary wire form) by work team ARN. */
    public Map<String, List<Map<String, Object>>> labelingJobs() {
        return labelingJobs;
    }

    public boolean isEmpty() {
        return workforce == null && workteams.isEmpty() && subscribedWorkteams.isEmpty() && labelingJobs.isEmpty();
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
        return new RegionSnapshot((String) map.get("Account"), (String) map.get("Region"), workforce, teams,
                (List<Map<String, Object>>) map.getOrDefault("SubscribedWorkteams", List.of()),
                (Map<String, List<Map<String, Object>>>) map.getOrDefault("LabelingJobs", Map.of()));
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
