package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.control.FakeLimits;
import io.github.sagemakerfake.control.LabelingJobAction;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules of the labeling plane's 12 operations: labeling jobs, A2I flow definitions and human
 * task UIs (docs/labeling.md; each behaviour and its source in docs/fidelity.md). Requests reach
 * this class already validated against the model, and each call runs under its region's lock.
 */
final class LabelingOperations {

    /** The AWS account that owns the public (Mechanical Turk) work team and the built-in task UIs. */
    static final String AWS_CROWD_ACCOUNT = "394669845002";
    /** Decision: the default DescribeLabelingJob shows when HumanTaskConfig has no MaxConcurrentTaskCount. */
    static final int DEFAULT_MAX_CONCURRENT_TASKS = 1000;
    /** Defaults of TaskAvailabilityLifetimeInSeconds: 6 hours for the public workforce, 30 days otherwise. */
    static final int PUBLIC_TASK_LIFETIME = 21_600;
    static final int PRIVATE_TASK_LIFETIME = 2_592_000;

    private static final char[] CODE_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FakeLimits limits;
    private final Lifecycle lifecycle;

    LabelingOperations(FakeLimits limits, Lifecycle lifecycle) {
        this.limits = limits;
        this.lifecycle = lifecycle;
    }

    Map<String, Object> execute(Operation op, RegionState s, Map<String, Object> r, Instant now,
                                String provisioningFailure) {
        return switch (op) {
            case CREATE_LABELING_JOB -> createLabelingJob(s, r, now, provisioningFailure);
            case DESCRIBE_LABELING_JOB -> describeLabelingJob(s, r);
            case LIST_LABELING_JOBS -> listLabelingJobs(s, r);
            case STOP_LABELING_JOB -> stopLabelingJob(s, r, now);
            case CREATE_FLOW_DEFINITION -> createFlowDefinition(s, r, now, provisioningFailure);
            case DESCRIBE_FLOW_DEFINITION -> describeFlowDefinition(s, r);
            case LIST_FLOW_DEFINITIONS -> listFlowDefinitions(s, r);
            case DELETE_FLOW_DEFINITION -> deleteFlowDefinition(s, r, now);
            case CREATE_HUMAN_TASK_UI -> createHumanTaskUi(s, r, now);
            case DESCRIBE_HUMAN_TASK_UI -> describeHumanTaskUi(s, r, now);
            case LIST_HUMAN_TASK_UIS -> listHumanTaskUis(s, r);
            case DELETE_HUMAN_TASK_UI -> deleteHumanTaskUi(s, r);
            default -> throw new IllegalArgumentException(op + " is not an operation of the labeling plane");
        };
    }

    // ---------------------------------------------------------------- labeling jobs

    private Map<String, Object> createLabelingJob(RegionState s, Map<String, Object> r, Instant now,
                                                  String provisioningFailure) {
        String name = str(r, "LabelingJobName");
        LabelingJobRecord existing = s.labeling.job(name);
        if (existing != null) { // model doc: unique per account and region, not case sensitive; no delete exists
            throw ServiceError.resourceInUse("A labeling job with name " + name + " already exists in account "
                    + s.account + " and region " + s.region
                    + (existing.name.equals(name) ? "" : " (as " + existing.name + "; names ignore case)")
                    + ". Labeling job names cannot be reused, even after the job stopped.");
        }
        Map<String, Object> input = map(r, "InputConfig");
        Map<String, Object> dataSource = map(input, "DataSource");
        if (dataSource.get("S3DataSource") == null && dataSource.get("SnsDataSource") == null) { // model doc rule
            throw ServiceError.validation("InputConfig.DataSource must specify at least one of S3DataSource or "
                    + "SnsDataSource.");
        }
        String labelAttribute = str(r, "LabelAttributeName");
        if (labelAttribute.endsWith("-metadata")) { // model doc rule
            throw ServiceError.validation("LabelAttributeName " + labelAttribute + " is not valid: the name can't end "
                    + "with \"-metadata\".");
        }
        Map<String, Object> task = map(r, "HumanTaskConfig");
        String workteamArn = str(task, "WorkteamArn");
        requireWorkteam(s, workteamArn);
        Map<String, Object> ui = map(task, "UiConfig");
        boolean hasUiArn = ui.get("HumanTaskUiArn") != null;
        if (hasUiArn == (ui.get("UiTemplateS3Uri") != null)) { // model doc: "Provide either ... or ..."
            throw ServiceError.validation("HumanTaskConfig.UiConfig must specify exactly one of HumanTaskUiArn or "
                    + "UiTemplateS3Uri" + (hasUiArn ? "; the request has both." : "; the request has neither."));
        }
        if (hasUiArn) {
            requireHumanTaskUi(s, str(ui, "HumanTaskUiArn"));
        }
        LabelingJobRecord job = new LabelingJobRecord(name, Arns.labelingJob(s.region, s.account, name),
                s.account + randomCode(16), now);
        job.labelAttributeName = labelAttribute;
        job.inputConfig = Json.copy(input);
        Map<String, Object> output = Json.copy(map(r, "OutputConfig"));
        output.putIfAbsent("KmsKeyId", ""); // facts: an absent KmsKeyId is described as ""
        job.outputConfig = output;
        job.roleArn = str(r, "RoleArn");
        job.labelCategoryConfigS3Uri = str(r, "LabelCategoryConfigS3Uri");
        job.stoppingConditions = copyOrNull(map(r, "StoppingConditions"));
        job.algorithmsConfig = copyOrNull(map(r, "LabelingJobAlgorithmsConfig"));
        Map<String, Object> humanTask = Json.copy(task);
        humanTask.putIfAbsent("MaxConcurrentTaskCount", BigDecimal.valueOf(DEFAULT_MAX_CONCURRENT_TASKS));
        humanTask.putIfAbsent("TaskAvailabilityLifetimeInSeconds",
                BigDecimal.valueOf(isPublicCrowd(workteamArn) ? PUBLIC_TASK_LIFETIME : PRIVATE_TASK_LIFETIME));
        job.humanTaskConfig = humanTask;
        putTags(job.tags, list(r, "Tags"), "labeling job " + name);
        job.startTransition(LabelingJobRecord.INITIALIZING,
                provisioningFailure == null ? LabelingJobRecord.IN_PROGRESS : LabelingJobRecord.FAILED,
                provisioningFailure, Transition.start(lifecycle, now), now);
        job.lastModifiedTime = now;
        s.labeling.jobs.put(LabelingState.jobKey(name), job);
        return single("LabelingJobArn", job.arn);
    }

    private Map<String, Object> describeLabelingJob(RegionState s, Map<String, Object> r) {
        LabelingJobRecord job = requireJob(s, str(r, "LabelingJobName"));
        Map<String, Object> wire = job.toWire();
        job.countRead();
        return wire;
    }

    private Map<String, Object> stopLabelingJob(RegionState s, Map<String, Object> r, Instant now) {
        LabelingJobRecord job = requireJob(s, str(r, "LabelingJobName"));
        switch (job.status) {
            case LabelingJobRecord.STOPPING, LabelingJobRecord.STOPPED -> {
                return new LinkedHashMap<>(); // decision: stopping again changes nothing
            }
            case LabelingJobRecord.COMPLETED, LabelingJobRecord.FAILED -> // decision: nothing left to stop
                throw ServiceError.validation("Labeling job " + job.name + " is " + job.status
                        + "; only a job that is Initializing or InProgress can be stopped.");
            default -> {
                job.transition = null;
                job.startTransition(LabelingJobRecord.STOPPING, LabelingJobRecord.STOPPED, null,
                        Transition.start(lifecycle, now), now);
                return new LinkedHashMap<>();
            }
        }
    }

    private Map<String, Object> listLabelingJobs(RegionState s, Map<String, Object> r) {
        Instant createdAfter = time(r.get("CreationTimeAfter"));
        Instant createdBefore = time(r.get("CreationTimeBefore"));
        Instant modifiedAfter = time(r.get("LastModifiedTimeAfter"));
        Instant modifiedBefore = time(r.get("LastModifiedTimeBefore"));
        String contains = str(r, "NameContains");
        String status = str(r, "StatusEquals");
        List<LabelingJobRecord> matching = new ArrayList<>();
        for (LabelingJobRecord job : s.labeling.jobs.values()) {
            if ((createdAfter == null || job.creationTime.isAfter(createdAfter))
                    && (createdBefore == null || job.creationTime.isBefore(createdBefore))
                    && (modifiedAfter == null || job.lastModifiedTime.isAfter(modifiedAfter))
                    && (modifiedBefore == null || job.lastModifiedTime.isBefore(modifiedBefore))
                    && (contains == null || job.name.toLowerCase(Locale.ROOT).contains(contains.toLowerCase(Locale.ROOT)))
                    && (status == null || status.equals(job.status))) {
                matching.add(job);
            }
        }
        String sortBy = str(r, "SortBy");
        Pages.Order<LabelingJobRecord> order = "Name".equals(sortBy) ? JOBS_BY_NAME
                : "Status".equals(sortBy) ? JOBS_BY_STATUS : JOBS_BY_CREATION_TIME;
        Pages.Page<LabelingJobRecord> page = Pages.page(matching, order, "Descending".equals(str(r, "SortOrder")),
                Pages.query("ListLabelingJobs", r, "CreationTimeAfter", "CreationTimeBefore", "LastModifiedTimeAfter",
                        "LastModifiedTimeBefore", "NameContains", "StatusEquals", "SortBy", "SortOrder"),
                str(r, "NextToken"), r.get("MaxResults"), Pages.DEFAULT_MAX_RESULTS);
        List<Object> items = new ArrayList<>();
        for (LabelingJobRecord job : page.items()) {
            items.add(job.toSummary());
            job.countRead();
        }
        return listResponse("LabelingJobSummaryList", items, page.nextToken());
    }

    /** ListLabelingJobsForWorkteam's items for the jobs created in this region for the team (decision: any status). */
    static List<Map<String, Object>> workteamView(RegionState s, String workteamArn) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (LabelingJobRecord job : s.labeling.jobs.values()) {
            if (workteamArn.equals(job.workteamArn())) {
                items.add(job.toWorkteamSummary(s.account));
            }
        }
        return items;
    }

    private static LabelingJobRecord requireJob(RegionState s, String name) {
        LabelingJobRecord job = s.labeling.job(name);
        if (job == null) { // facts: ValidationException, as AWS's own controller relies on
            throw ServiceError.validation("Could not find labeling job with name " + name + " in account " + s.account
                    + " and region " + s.region + ".");
        }
        return job;
    }

    /** What the job's workers do, driven by a test; the fake never labels anything itself. */
    static void drive(RegionState s, String name, LabelingJobAction action, Instant now) {
        LabelingJobRecord job = s.labeling.job(name);
        if (job == null) {
            throw new IllegalArgumentException("There is no labeling job named " + name + " in account " + s.account
                    + " and region " + s.region + "; the jobs there are " + s.labeling.jobs.values().stream()
                    .map(j -> j.name).toList() + ".");
        }
        if (LabelingJobRecord.INITIALIZING.equals(job.status)) {
            job.endTransition(now); // work on a job means it has started
        }
        switch (action.kind()) {
            case ADD_OBJECTS -> {
                requireInProgress(job, "receive data objects");
                job.unlabeled += action.count();
            }
            case LABEL -> {
                requireInProgress(job, "have objects labeled");
                job.humanLabeled += action.humanLabeled();
                job.machineLabeled += action.machineLabeled();
                job.failedNonRetryableError += action.failedNonRetryable();
                long done = action.humanLabeled() + action.machineLabeled() + action.failedNonRetryable();
                job.unlabeled = Math.max(0, job.unlabeled - done);
            }
            case COMPLETE -> {
                requireInProgress(job, "complete");
                Map<String, Object> output = new LinkedHashMap<>();
                output.put("OutputDatasetS3Uri", action.outputDatasetS3Uri() != null ? action.outputDatasetS3Uri()
                        : defaultOutputManifest(job));
                if (action.finalActiveLearningModelArn() != null) {
                    output.put("FinalActiveLearningModelArn", action.finalActiveLearningModelArn());
                }
                job.output = output;
                job.status = LabelingJobRecord.COMPLETED;
            }
            case FAIL -> {
                if (job.isTerminal()) {
                    throw new IllegalStateException("Labeling job " + job.name + " is " + job.status
                            + " already; only a job that is running (Initializing, InProgress or Stopping) can fail.");
                }
                job.transition = null;
                job.settlesTo = null;
                job.status = LabelingJobRecord.FAILED;
                job.failureReason = action.failureReason();
            }
        }
        job.lastModifiedTime = now;
    }

    private static void requireInProgress(LabelingJobRecord job, String what) {
        if (!LabelingJobRecord.IN_PROGRESS.equals(job.status)) {
            throw new IllegalStateException("Labeling job " + job.name + " is " + job.status + "; it can " + what
                    + " only while it is InProgress.");
        }
    }

    /** Where Ground Truth writes a job's output manifest: {@code <S3OutputPath>/<job name>/manifests/output/output.manifest}. */
    static String defaultOutputManifest(LabelingJobRecord job) {
        String path = (String) job.outputConfig.get("S3OutputPath");
        return (path.endsWith("/") ? path : path + "/") + job.name + "/manifests/output/output.manifest";
    }

    // ---------------------------------------------------------------- flow definitions

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
            requireWorkteam(s, str(loop, "WorkteamArn"));
            requireHumanTaskUi(s, str(loop, "HumanTaskUiArn"));
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
        putTags(flow.tags, list(r, "Tags"), "flow definition " + name);
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

    // ---------------------------------------------------------------- human task UIs

    private Map<String, Object> createHumanTaskUi(RegionState s, Map<String, Object> r, Instant now) {
        String name = str(r, "HumanTaskUiName");
        if (s.labeling.humanTaskUis.containsKey(name)) {
            throw ServiceError.resourceInUse("A human task UI with name " + name + " already exists in account "
                    + s.account + " and region " + s.region + ".");
        }
        HumanTaskUiRecord ui = new HumanTaskUiRecord(name, Arns.humanTaskUi(s.region, s.account, name), now,
                str(map(r, "UiTemplate"), "Content"));
        putTags(ui.tags, list(r, "Tags"), "human task UI " + name);
        s.labeling.humanTaskUis.put(name, ui);
        return single("HumanTaskUiArn", ui.arn);
    }

    private Map<String, Object> describeHumanTaskUi(RegionState s, Map<String, Object> r, Instant now) {
        return requireHumanTaskUiNamed(s, str(r, "HumanTaskUiName")).toWire(s.region, s.account, now);
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

    // ---------------------------------------------------------------- references

    /**
     * A job's or flow's work team: a private team of this account and region that exists, the
     * public (Mechanical Turk) team, or a vendor team of this region (accepted without lookup).
     */
    static void requireWorkteam(RegionState s, String arn) {
        Arns.Parsed parsed = Arns.parse(arn);
        String prefix = "arn:" + Arns.partition(s.region) + ":sagemaker:" + s.region + ":";
        boolean ok;
        if (parsed == null || !arn.startsWith(prefix)) {
            ok = false;
        } else if (arn.equals(prefix + AWS_CROWD_ACCOUNT + ":workteam/public-crowd/default")) {
            ok = true;
        } else if (arn.startsWith(prefix + parsed.account() + ":workteam/vendor-crowd/")) {
            ok = !parsed.account().equals(s.account);
        } else {
            WorkteamRecord team = s.workteams.get(parsed.resourceName());
            ok = team != null && team.arn.equals(arn);
        }
        if (!ok) { // the service's text [data-science-on-aws#37]
            throw ServiceError.validation("The specified Workteam '" + arn
                    + "' does not exist or you do not have access to it.");
        }
    }

    /** A task UI reference: a built-in one of AWS's account, or one of this account and region that exists. */
    static void requireHumanTaskUi(RegionState s, String arn) {
        Arns.Parsed parsed = Arns.parse(arn);
        String prefix = "arn:" + Arns.partition(s.region) + ":sagemaker:" + s.region + ":";
        boolean ok;
        if (parsed == null || !arn.startsWith(prefix) || !"human-task-ui".equals(parsed.resourceType())) {
            ok = false;
        } else if (AWS_CROWD_ACCOUNT.equals(parsed.account())) {
            ok = true;
        } else {
            HumanTaskUiRecord ui = s.labeling.humanTaskUis.get(parsed.resourceName());
            ok = ui != null && ui.arn.equals(arn);
        }
        if (!ok) { // decision: the work team's message, for the task UI
            throw ServiceError.validation("The specified HumanTaskUi '" + arn
                    + "' does not exist or you do not have access to it.");
        }
    }

    static boolean isPublicCrowd(String workteamArn) {
        return workteamArn.contains(":" + AWS_CROWD_ACCOUNT + ":workteam/public-crowd/");
    }

    // ---------------------------------------------------------------- helpers

    private void putTags(Map<String, String> target, List<Object> tags, String resource) {
        Map<String, String> merged = new LinkedHashMap<>(target);
        for (Object tag : tags) {
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) tag;
            merged.put((String) t.get("Key"), (String) t.get("Value"));
        }
        if (merged.size() > limits.maxTagsPerResource()) {
            throw ServiceError.validation("Adding these tags would give " + resource + " " + merged.size()
                    + " tags; a resource can have at most " + limits.maxTagsPerResource() + " tags.");
        }
        target.clear();
        target.putAll(merged);
    }

    static String randomCode(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    private static final Pages.Order<LabelingJobRecord> JOBS_BY_NAME = Pages.byText(
            j -> LabelingState.jobKey(j.name), key -> new LabelingJobRecord(key, null, null, null));
    private static final Pages.Order<LabelingJobRecord> JOBS_BY_CREATION_TIME = Pages.byTimeThenText(
            j -> j.creationTime.toEpochMilli(), j -> LabelingState.jobKey(j.name),
            (millis, key) -> new LabelingJobRecord(key, null, null, Instant.ofEpochMilli(millis)));
    private static final Pages.Order<LabelingJobRecord> JOBS_BY_STATUS = new Pages.Order<>(
            Comparator.<LabelingJobRecord, String>comparing(j -> j.status).thenComparing(j -> LabelingState.jobKey(j.name)),
            j -> j.status + "\u0000" + LabelingState.jobKey(j.name), cursor -> {
                int sep = cursor.indexOf('\u0000');
                if (sep < 0) {
                    return null;
                }
                LabelingJobRecord probe = new LabelingJobRecord(cursor.substring(sep + 1), null, null, null);
                probe.status = cursor.substring(0, sep);
                return probe;
            });
    private static final Pages.Order<FlowDefinitionRecord> FLOWS_BY_CREATION_TIME = Pages.byTimeThenText(
            f -> f.creationTime.toEpochMilli(), f -> f.name,
            (millis, name) -> new FlowDefinitionRecord(name, null, Instant.ofEpochMilli(millis)));
    private static final Pages.Order<HumanTaskUiRecord> UIS_BY_CREATION_TIME = Pages.byTimeThenText(
            u -> u.creationTime.toEpochMilli(), u -> u.name,
            (millis, name) -> new HumanTaskUiRecord(name, null, Instant.ofEpochMilli(millis), ""));

    private static Instant time(Object epochSeconds) {
        return epochSeconds == null ? null : WireTime.instant(epochSeconds);
    }

    private static Map<String, Object> single(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    private static Map<String, Object> listResponse(String key, List<Object> items, String nextToken) {
        Map<String, Object> map = single(key, items);
        if (nextToken != null) {
            map.put("NextToken", nextToken);
        }
        return map;
    }

    private static String str(Map<String, Object> r, String key) {
        return (String) r.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> r, String key) {
        return (Map<String, Object>) r.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> r, String key) {
        Object value = r.get(key);
        return value == null ? List.of() : (List<Object>) value;
    }

    private static Map<String, Object> copyOrNull(Map<String, Object> value) {
        return value == null ? null : Json.copy(value);
    }
}
