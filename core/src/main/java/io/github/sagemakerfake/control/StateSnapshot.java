package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consistent, read-only copy of the fake's state: each region's part was read under that
 * region's lock, so it never shows a half-applied change. Regions in which nothing exists are left
 * out; {@link #region(String, String)} still answers for them with an empty region.
 */
public final class StateSnapshot {

    private final String defaultAccount;
    private final String defaultRegion;
    private final List<RegionSnapshot> regions;

    public StateSnapshot(String defaultAccount, String defaultRegion, List<RegionSnapshot> regions) {
        this.defaultAccount = defaultAccount;
        this.defaultRegion = defaultRegion;
        this.regions = List.copyOf(regions);
    }

    /** The fake's default account and region: where an unconfigured client lands. */
    public RegionSnapshot defaultRegion() {
        return region(defaultAccount, defaultRegion);
    }

    public RegionSnapshot region(String account, String region) {
        return regions.stream()
                .filter(r -> r.account().equals(account) && r.region().equals(region))
                .findFirst()
                .orElseGet(() -> RegionSnapshot.empty(account, region));
    }

    public List<RegionSnapshot> regions() {
        return regions;
    }

    public String defaultAccount() {
        return defaultAccount;
    }

    public String defaultRegionName() {
        return defaultRegion;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("DefaultAccount", defaultAccount);
        map.put("DefaultRegion", defaultRegion);
        List<Object> list = new ArrayList<>();
        regions.forEach(r -> list.add(r.toMap()));
        map.put("Regions", list);
        return map;
    }

    @SuppressWarnings("unchecked")
    public static StateSnapshot fromMap(Map<String, Object> map) {
        List<RegionSnapshot> regions = new ArrayList<>();
        for (Object r : (List<Object>) map.getOrDefault("Regions", List.of())) {
            regions.add(RegionSnapshot.fromMap((Map<String, Object>) r));
        }
        return new StateSnapshot((String) map.get("DefaultAccount"), (String) map.get("DefaultRegion"), regions);
    }

    @Override
    public String toString() {
        return Json.write(toMap());
    }
}
