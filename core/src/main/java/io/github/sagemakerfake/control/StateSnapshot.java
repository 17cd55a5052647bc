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
    private final Map<String, Object> document; // null when built from views only

    public StateSnapshot(String defaultAccount, String defaultRegion, List<RegionSnapshot> regions) {
        this(defaultAccount, defaultRegion, regions, null);
    }

    /**
     * A snapshot that also holds the state document of the same instant (see {@link #toDocument()}).
     *
     * @param document the parsed state document, or null when there is none
     */
    public StateSnapshot(String defaultAccount, String defaultRegion, List<RegionSnapshot> regions,
                         Map<String, Object> document) {
        this.defaultAccount = defaultAccount;
        this.defaultRegion = defaultRegion;
        this.regions = List.copyOf(regions);
        this.document = document == null ? null : Json.freeze(document);
    }

    /**
     * The state itself as a JSON document, the form of a server's state file and of
     * {@code GET /_fake/snapshot} (docs/server.md, "The state file"): every field a client can
     * read, plus what no response shows (an OIDC workforce's client secret, a status transition
     * in progress, the clock, the id sequence). {@link FakeControl#restore(String)} puts it back;
     * save it in a file to start tests from it ({@code @SageMakerWorkforceTest(snapshot = ...)}).
     * Holds the client secrets it was given: keep such files out of public places.
     *
     * @throws IllegalStateException for a snapshot built from its views only ({@link #fromMap})
     */
    public String toDocument() {
        if (document == null) {
            throw new IllegalStateException("This snapshot was built from its views only (StateSnapshot.fromMap) "
                    + "and holds no state document; take one with FakeControl.snapshot().");
        }
        return Json.write(document);
    }

    /** True when {@link #toDocument()} can answer. */
    public boolean hasDocument() {
        return document != null;
    }

    /**
     * Reads a state document (the text of {@link #toDocument()}, a state file, or
     * {@code GET /_fake/snapshot}) into a snapshot with both its views and the document.
     *
     * @throws IllegalArgumentException saying what is wrong with the document
     */
    public static StateSnapshot fromDocument(String document) {
        return io.github.sagemakerfake.internal.persistence.StateDocuments.snapshotOf(document);
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
