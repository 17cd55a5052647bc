package io.github.sagemakerfake.internal.backend;

import static io.github.sagemakerfake.internal.backend.Listings.listResponse;
import static io.github.sagemakerfake.internal.backend.Listings.time;
import static io.github.sagemakerfake.internal.backend.WireMaps.copyOrNull;
import static io.github.sagemakerfake.internal.backend.WireMaps.list;
import static io.github.sagemakerfake.internal.backend.WireMaps.map;
import static io.github.sagemakerfake.internal.backend.WireMaps.single;
import static io.github.sagemakerfake.internal.backend.WireMaps.str;

import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.internal.error.ServiceError;
import io.github.sagemakerfake.internal.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flow definitions family (Amazon A2I human review workflows): CreateFlowDefinition,
 * DescribeFlowDefinition, ListFlowDefinitions, DeleteFlowDefinition. docs/labeling.md describes
 * the rules, docs/fidelity.md lists them with their sources.
 */
final class FlowDefinitions implements ResourceFamily {

    private final Lifecycle lifecycle;
    private final Tags tags;

    FlowDefinitions(Lifecycle lifecycle, Tags tags) {
        this.lifecycle = lifecycle;
        this.tags = tags;
    }

    @Override
    public void register(OperationDispatch.Registrar registrar) {
        registrar.on(Operation.CREATE_FLOW_DEFINITION, this::createFlowDefinition);
        registrar.on(Operation.DESCRIBE_FLOW_DEFINITION, (s, r, now, failure) -> describeFlowDefinition(s, r));
        registrar.on(Operation.LIST_FLOW_DEFINITIONS, (s, r, now, failure) -> listFlowDefinitions(s, r));
        registrar.on(Operation.DELETE_FLOW_DEFINITION, (s, r, now, failure) -> deleteFlowDefinition(s, r, now));
    }

    private Map<String, Object> createFlowDefinition(RegionState s, Map<String, Object> r, Instant now,
                                                     String provisioningFailure) {
        String name = str(r, "FlowDefinitionName");
        FlowDefinitionRecord existing = s.labeling.flowDefinitions.get(name);
        if (existing != null) { // a name is free again only once the deletion finished [DG a2i-delete-flow-definition]
            throw ServiceError.resourceInUse("A flow definition with name " + name + " already exists in account "
                    + s.account + " and region " + s.region + " (status " + existing.status + ").");
        }
        Map<String, Object> loop = map(r, "HumanLoopConfig");
        if (loop != null) {
            LabelingReferences.requireWorkteam(s, str(loop, "WorkteamArn"));
            LabelingReferences.requireHumanTaskUi(s, str(loop, "HumanTaskUiArn"));
        }
        Map<String, Object> activation = map(r, "HumanLoopActivationConfig");
        if (activation != null) {
            if (r.get("HumanLoopRequestSource") == null) { // decision after Terraform's RequiredWith
                throw ServiceError.validation("HumanLoopActivationConfig needs HumanLoopRequestSource: activation "
                        + "conditions apply to an AWS-managed request source only.");
            }
            String conditions = str(map(activation, "HumanLoopActivationConditionsConfig"), "HumanLoopActivationConditions");
            try {
                Json.parse(conditions);
            } catch (Json.ParseException e) {
                throw ServiceError.validation("HumanLoopActivationConditions is not valid JSON: " + e.getMessage());
            }
        }
        FlowDefinitionRecord flow = new FlowDefinitionRecord(name, Arns.flowDefinition(s.region, s.account, name), now);
        flow.humanLoopRequestSource = copyOrNull(map(r, "HumanLoopRequestSource"));
        flow.humanLoopActivationConfig = copyOrNull(activation);
        flow.humanLoopConfig = copyOrNull(loop);
        flow.outputConfig = Json.copy(map(r, "OutputConfig"));
        flow.roleArn = str(r, "RoleArn");
        tags.put(flow.tags, list(r, "Tags"), "flow definition " + name);
        flow.startTransition(FlowDefinitionRecord.INITIALIZING,
                provisioningFailure == null ? FlowDefinitionRecord.ACTIVE : FlowDefinitionRecord.FAILED,
                provisioningFailure, Transition.start(lifecycle, now), now);
        s.labeling.flowDefinitions.put(name, flow);
        return single("FlowDefinitionArn", flow.arn);
    }

    private Map<String, Object> describeFlowDefinition(RegionState s, Map<String, Object> r) {
        FlowDefinitionRecord flow = requireFlow(s, str(r, "FlowDefinitionName"));
        Map<String, Object> wire = flow.toWire();
        flow.countRead();
        return wire;
    }

    private Map<String, Object> deleteFlowDefinition(RegionState s, Map<String, Object> r, Instant now) {
        FlowDefinitionRecord flow = requireFlow(s, str(r, "FlowDefinitionName"));
        if (!FlowDefinitionRecord.ACTIVE.equals(flow.status)) { // [DG]: only an Active flow definition
            throw ServiceError.resourceInUse("Flow definition " + flow.name + " is " + flow.status
                    + "; it can be deleted only when its status is Active.");
        }
        flow.startTransition(FlowDefinitionRecord.DELETING, null, null, Transition.start(lifecycle, now), now);
        if (flow.gone) {
            s.labeling.flowDefinitions.remove(flow.name);
        }
        return new LinkedHashMap<>();
    }

    private Map<String, Object> listFlowDefinitions(RegionState s, Map<String, Object> r) {
        Instant after = time(r.get("CreationTimeAfter"));
        Instant before = time(r.get("CreationTimeBefore"));
        List<FlowDefinitionRecord> matching = new ArrayList<>();
        for (FlowDefinitionRecord flow : s.labeling.flowDefinitions.values()) {
            if ((after == null || !flow.creationTime.isBefore(after)) // model doc: "greater than or equal"
                    && (before == null || flow.creationTime.isBefore(before))) {
                matching.add(flow);
            }
        }
        Pages.Page<FlowDefinitionRecord> page = Pages.page(matching, FLOWS_BY_CREATION_TIME,
                "Descending".equals(str(r, "SortOrder")),
                Pages.query("ListFlowDefinitions", r, "CreationTimeAfter", "CreationTimeBefore", "SortOrder"),
                str(r, "NextToken"), r.get("MaxResults"), Pages.DEFAULT_MAX_RESULTS);
        List<Object> items = new ArrayList<>();
        for (FlowDefinitionRecord flow : page.items()) {
            items.add(flow.toSummary());
            flow.countRead();
        }
        return listResponse("FlowDefinitionSummaries", items, page.nextToken());
    }

    private static FlowDefinitionRecord requireFlow(RegionState s, String name) {
        FlowDefinitionRecord flow = s.labeling.flowDefinitions.get(name);
        if (flow == null) { // [DG a2i-delete-flow-definition]: ResourceNotFound
            throw ServiceError.notFound("Flow definition " + name + " does not exist in account " + s.account
                    + " and region " + s.region + ".");
        }
        return flow;
    }

    private static final Pages.Order<FlowDefinitionRecord> FLOWS_BY_CREATION_TIME = Pages.byTimeThenText(
            f -> f.creationTime.toEpochMilli(), f -> f.name,
            (millis, name) -> new FlowDefinitionRecord(name, null, Instant.ofEpochMilli(millis)));
}
