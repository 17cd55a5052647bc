package io.github.sagemakerfake.internal.backend;

import static io.github.sagemakerfake.internal.backend.Listings.listResponse;
import static io.github.sagemakerfake.internal.backend.Listings.time;
import static io.github.sagemakerfake.internal.backend.WireMaps.copyOrNull;
import static io.github.sagemakerfake.internal.backend.WireMaps.list;
import static io.github.sagemakerfake.internal.backend.WireMaps.map;
import static io.github.sagemakerfake.internal.backend.WireMaps.single;
import static io.github.sagemakerfake.internal.backend.WireMaps.str;

import io.github.sagemakerfake.internal.error.ServiceError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human task UIs family (worker task templates): CreateHumanTaskUi, DescribeHumanTaskUi,
 * ListHumanTaskUis, DeleteHumanTaskUi. docs/labeling.md describes the rules, docs/fidelity.md lists
 * them with their sources.
 */
final class HumanTaskUis implements ResourceFamily {

    private final Tags tags;

    private final IdSource ids;

    HumanTaskUis(Tags tags, IdSource ids) {
        this.ids = ids;
        this.tags = tags;
    }

    @Override
    public void register(OperationDispatch.Registrar registrar) {
        registrar.on(Operation.CREATE_HUMAN_TASK_UI, (s, r, now, failure) -> createHumanTaskUi(s, r, now));
        registrar.on(Operation.DESCRIBE_HUMAN_TASK_UI, (s, r, now, failure) -> describeHumanTaskUi(s, r, now));
        registrar.on(Operation.LIST_HUMAN_TASK_UIS, (s, r, now, failure) -> listHumanTaskUis(s, r));
        registrar.on(Operation.DELETE_HUMAN_TASK_UI, (s, r, now, failure) -> deleteHumanTaskUi(s, r));
    }

    private Map<String, Object> createHumanTaskUi(RegionState s, Map<String, Object> r, Instant now) {
        String name = str(r, "HumanTaskUiName");
        if (s.labeling.humanTaskUis.containsKey(name)) {
            throw ServiceError.resourceInUse("A human task UI with name " + name + " already exists in account "
                    + s.account + " and region " + s.region + ".");
        }
        HumanTaskUiRecord ui = new HumanTaskUiRecord(name, Arns.humanTaskUi(s.region, s.account, name), now,
                str(map(r, "UiTemplate"), "Content"));
        tags.put(ui.tags, list(r, "Tags"), "human task UI " + name);
        s.labeling.humanTaskUis.put(name, ui);
        return single("HumanTaskUiArn", ui.arn);
    }

    private Map<String, Object> describeHumanTaskUi(RegionState s, Map<String, Object> r, Instant now) {
        return requireHumanTaskUiNamed(s, str(r, "HumanTaskUiName")).toWire(s.region, s.account, now, ids);
    }

    private Map<String, Object> deleteHumanTaskUi(RegionState s, Map<String, Object> r) {
        HumanTaskUiRecord ui = requireHumanTaskUiNamed(s, str(r, "HumanTaskUiName"));
        // [DG a2i-worker-template-console]: allowed while flow definitions use it
        s.labeling.humanTaskUis.remove(ui.name);
        return new LinkedHashMap<>();
    }

    private Map<String, Object> listHumanTaskUis(RegionState s, Map<String, Object> r) {
        Instant after = time(r.get("CreationTimeAfter"));
        Instant before = time(r.get("CreationTimeBefore"));
        List<HumanTaskUiRecord> matching = new ArrayList<>();
        for (HumanTaskUiRecord ui : s.labeling.humanTaskUis.values()) {
            if ((after == null || !ui.creationTime.isBefore(after))
                    && (before == null || ui.creationTime.isBefore(before))) {
                matching.add(ui);
            }
        }
        Pages.Page<HumanTaskUiRecord> page = Pages.page(matching, UIS_BY_CREATION_TIME,
                "Descending".equals(str(r, "SortOrder")),
                Pages.query("ListHumanTaskUis", r, "CreationTimeAfter", "CreationTimeBefore", "SortOrder"),
                str(r, "NextToken"), r.get("MaxResults"), Pages.DEFAULT_MAX_RESULTS);
        List<Object> items = new ArrayList<>();
        page.items().forEach(ui -> items.add(ui.toSummary()));
        return listResponse("HumanTaskUiSummaries", items, page.nextToken());
    }

    private static HumanTaskUiRecord requireHumanTaskUiNamed(RegionState s, String name) {
        HumanTaskUiRecord ui = s.labeling.humanTaskUis.get(name);
        if (ui == null) {
            throw ServiceError.notFound("Human task UI " + name + " does not exist in account " + s.account
                    + " and region " + s.region + ".");
        }
        return ui;
    }

    private static final Pages.Order<HumanTaskUiRecord> UIS_BY_CREATION_TIME = Pages.byTimeThenText(
            u -> u.creationTime.toEpochMilli(), u -> u.name,
            (millis, name) -> new HumanTaskUiRecord(name, null, Instant.ofEpochMilli(millis), ""));

}
