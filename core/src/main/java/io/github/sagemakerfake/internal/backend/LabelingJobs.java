package io.github.sagemakerfake.internal.backend;

import static io.github.sagemakerfake.internal.backend.Listings.listResponse;
import static io.github.sagemakerfake.internal.backend.Listings.sortAndPage;
import static io.github.sagemakerfake.internal.backend.Listings.time;
import static io.github.sagemakerfake.internal.backend.WireMaps.copyOrNull;
import static io.github.sagemakerfake.internal.backend.WireMaps.list;
import static io.github.sagemakerfake.internal.backend.WireMaps.map;
import static io.github.sagemakerfake.internal.backend.WireMaps.single;
import static io.github.sagemakerfake.internal.backend.WireMaps.str;

import io.github.sagemakerfake.control.LabelingJobAction;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.internal.error.ServiceError;
import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The labeling jobs family: CreateLabelingJob, DescribeLabelingJob, ListLabelingJobs,
 * StopLabelingJob, ListLabelingJobsForWorkteam (the jobs created for a team, then those a seed
 * gives it, docs/seeding.md), and the drivers a test uses for what workers do. Flow definitions and
 * human task UIs are the families beside it ({@link FlowDefinitions}, {@link HumanTaskUis}).
 * docs/labeling.md describes the rules, docs/fidelity.md lists them with their sources.
 */
final class LabelingJobs implements ResourceFamily {

    /** Decision: the default DescribeLabelingJob shows when HumanTaskConfig has no MaxConcurrentTaskCount. */
    static final int DEFAULT_MAX_CONCURRENT_TASKS = 1000;
    /** Defaults of TaskAvailabilityLifetimeInSeconds: 6 hours for the public workforce, 30 days otherwise. */
    static final int PUBLIC_TASK_LIFETIME = 21_600;
    static final int PRIVATE_TASK_LIFETIME = 2_592_000;

    private static final Pages.Order<Map<String, Object>> BY_CREATION_TIME = Pages.byTimeThenText(
            j -> WireTime.instant(j.get("CreationTime")).toEpochMilli(), j -> (String) j.get("JobReferenceCode"),
            (millis, code) -> Map.of("CreationTime", WireTime.epochSeconds(Instant.ofEpochMilli(millis)),
                    "JobReferenceCode", code));

    private final Lifecycle lifecycle;
    private final Tags tags;

    private final IdSource ids;

    LabelingJobs(Lifecycle lifecycle, Tags tags, IdSource ids) {
        this.ids = ids;
        this.lifecycle = lifecycle;
        this.tags = tags;
    }

    @Override
    public void register(OperationDispatch.Registrar registrar) {
        registrar.on(Operation.LIST_LABELING_JOBS_FOR_WORKTEAM, (s, r, now, failure) -> listForWorkteam(s, r));
        registrar.on(Operation.CREATE_LABELING_JOB, this::createLabelingJob);
        registrar.on(Operation.DESCRIBE_LABELING_JOB, (s, r, now, failure) -> describeLabelingJob(s, r));
        registrar.on(Operation.LIST_LABELING_JOBS, (s, r, now, failure) -> listLabelingJobs(s, r));
        registrar.on(Operation.STOP_LABELING_JOB, (s, r, now, failure) -> stopLabelingJob(s, r, now));
    }

    private Map<String, Object> listForWorkteam(RegionState s, Map<String, Object> r) {
        String arn = str(r, "WorkteamArn");
        Arns.Parsed parsed = Arns.parse(arn);
        WorkteamRecord team = parsed == null ? null : s.workteams.get(parsed.resourceName());
        if (team == null || !team.arn.equals(arn)) { // the only operation here that models ResourceNotFound
            throw ServiceError.notFound("Work team " + arn + " not found in account " + s.account + " and region "
                    + s.region + ".");
        }
        Instant after = time(r.get("CreationTimeAfter"));
        Instant before = time(r.get("CreationTimeBefore"));
        String codeContains = str(r, "JobReferenceCodeContains");
        List<Map<String, Object>> jobs = new ArrayList<>(s.labelingJobs.getOrDefault(arn, List.of()));
        jobs.addAll(workteamView(s, arn)); // the jobs created for the team, with their counters
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> job : jobs) {
            Instant created = WireTime.instant(job.get("CreationTime"));
            if ((after == null || created.isAfter(after)) && (before == null || created.isBefore(before))
                    && (codeContains == null || ((String) job.get("JobReferenceCode")).contains(codeContains))) {
                matching.add(job);
            }
        }
        Pages.Page<Map<String, Object>> page = sortAndPage(matching, BY_CREATION_TIME, r,
                Pages.query("ListLabelingJobsForWorkteam", r, "WorkteamArn", "CreationTimeAfter",
                        "CreationTimeBefore", "JobReferenceCodeContains", "SortBy", "SortOrder"));
        return listResponse("LabelingJobSummaryList", new ArrayList<>(Json.copy(page.items())), page.nextToken());
    }

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
        LabelingReferences.requireWorkteam(s, workteamArn);
        Map<String, Object> ui = map(task, "UiConfig");
        boolean hasUiArn = ui.get("HumanTaskUiArn") != null;
        if (hasUiArn == (ui.get("UiTemplateS3Uri") != null)) { // model doc: "Provide either ... or ..."
            throw ServiceError.validation("HumanTaskConfig.UiConfig must specify exactly one of HumanTaskUiArn or "
                    + "UiTemplateS3Uri" + (hasUiArn ? "; the request has both." : "; the request has neither."));
        }
        if (hasUiArn) {
            LabelingReferences.requireHumanTaskUi(s, str(ui, "HumanTaskUiArn"));
        }
        LabelingJobRecord job = new LabelingJobRecord(name, Arns.labelingJob(s.region, s.account, name),
                s.account + ids.jobReferenceCode(), now);
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
                BigDecimal.valueOf(LabelingReferences.isPublicCrowd(workteamArn) ? PUBLIC_TASK_LIFETIME : PRIVATE_TASK_LIFETIME));
        job.humanTaskConfig = humanTask;
        tags.put(job.tags, list(r, "Tags"), "labeling job " + name);
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
}
