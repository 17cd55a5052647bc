package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.error.ServiceError;

import static io.github.sagemakerfake.internal.backend.Listings.listResponse;
import static io.github.sagemakerfake.internal.backend.WireMaps.asMap;
import static io.github.sagemakerfake.internal.backend.WireMaps.list;
import static io.github.sagemakerfake.internal.backend.WireMaps.single;
import static io.github.sagemakerfake.internal.backend.WireMaps.str;

import io.github.sagemakerfake.control.FakeLimits;
import io.github.sagemakerfake.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tag family: AddTags, ListTags and DeleteTags on the ARN of a work team, labeling job, flow
 * definition or human task UI, and the per-resource tag limit that the Create operations apply too. docs/fidelity.md ("Tags") lists the rules.
 */
final class Tags implements ResourceFamily {

    private static final Pages.Order<String> KEYS = Pages.byText(key -> key, key -> key);

    private final FakeLimits limits;

    Tags(FakeLimits limits) {
        this.limits = limits;
    }

    @Override
    public void register(OperationDispatch.Registrar registrar) {
        registrar.on(Operation.ADD_TAGS, (s, r, now, failure) -> addTags(s, r));
        registrar.on(Operation.LIST_TAGS, (s, r, now, failure) -> listTags(s, r));
        registrar.on(Operation.DELETE_TAGS, (s, r, now, failure) -> deleteTags(s, r));
    }

    private Map<String, Object> addTags(RegionState s, Map<String, Object> r) {
        Map<String, String> tags = taggable(s, str(r, "ResourceArn"));
        Map<String, String> merged = new LinkedHashMap<>(tags);
        put(merged, list(r, "Tags"), str(r, "ResourceArn"));
        tags.clear();
        tags.putAll(merged);
        return single("Tags", Json.copy(list(r, "Tags"))); // decision: echoes the tags of the request
    }

    private Map<String, Object> listTags(RegionState s, Map<String, Object> r) {
        Map<String, String> tags = taggable(s, str(r, "ResourceArn"));
        // decision: by key, and the cursor is the last key, so a page never repeats or skips a key that
        // exists throughout, however tags change between calls.
        Pages.Page<String> page = Pages.page(new ArrayList<>(tags.keySet()), KEYS, false,
                Pages.query("ListTags", r, "ResourceArn"), str(r, "NextToken"), r.get("MaxResults"), 50);
        List<Object> items = new ArrayList<>();
        for (String key : page.items()) {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("Key", key);
            tag.put("Value", tags.get(key));
            items.add(tag);
        }
        return listResponse("Tags", items, page.nextToken());
    }

    private Map<String, Object> deleteTags(RegionState s, Map<String, Object> r) {
        Map<String, String> tags = taggable(s, str(r, "ResourceArn"));
        for (Object key : list(r, "TagKeys")) {
            tags.remove(key); // keys that are not there are ignored
        }
        return new LinkedHashMap<>();
    }

    /** The live tag map of the resource an ARN names, after the service's checks. */
    private static Map<String, String> taggable(RegionState s, String arn) {
        Arns.Parsed parsed = Arns.parse(arn);
        if (parsed != null && "workforce".equals(parsed.resourceType())) { // observed on the service (docs/fidelity.md)
            throw ServiceError.validation("Invalid resource type: workforce");
        }
        if (parsed != null && LabelingState.isLabelingResourceType(parsed.resourceType())) {
            Map<String, String> tags = s.labeling.tagsOf(parsed.resourceType(), parsed.resourceName(), arn);
            if (tags == null) {
                throw ServiceError.validation("The resource " + arn + " does not exist in account " + s.account
                        + " and region " + s.region + ".");
            }
            return tags;
        }
        if (parsed == null || !"workteam".equals(parsed.resourceType())) {
            throw ServiceError.validation("Resource " + arn + " is not a resource the SageMaker Workforce Fake holds "
                    + "tags for: a work team, labeling job, flow definition or human task UI.");
        }
        WorkteamRecord team = s.workteams.get(parsed.resourceName());
        if (team == null || !team.arn.equals(arn)) {
            throw ServiceError.validation("The work team " + arn + " does not exist in account " + s.account
                    + " and region " + s.region + ".");
        }
        return team.tags;
    }

    /** Adds or overwrites tags, refusing to go over the per-resource limit (decision, docs/fidelity.md). */
    void put(Map<String, String> target, List<Object> tags, String resource) {
        Map<String, String> merged = new LinkedHashMap<>(target);
        for (Object tag : tags) {
            Map<String, Object> t = asMap(tag);
            merged.put((String) t.get("Key"), (String) t.get("Value"));
        }
        if (merged.size() > limits.maxTagsPerResource()) {
            throw ServiceError.validation("Adding these tags would give " + resource + " " + merged.size()
                    + " tags; a resource can have at most " + limits.maxTagsPerResource() + " tags.");
        }
        target.clear();
        target.putAll(merged);
    }
}
