package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.error.ServiceError;

import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.LabelingJobAction;
import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.control.StateSnapshot;
import io.github.sagemakerfake.internal.json.AcceptedNames;
import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.JsonNumbers;
import io.github.sagemakerfake.internal.json.WireTime;
import io.github.sagemakerfake.internal.validation.RequestSerializationException;
import io.github.sagemakerfake.internal.validation.RequestValidationException;
import io.github.sagemakerfake.internal.validation.RequestValidator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The fake's state and rules, independent of any transport: one {@link RegionState} per
 * (account, region), created on first use. Every form of the fake (in-process clients, the HTTP
 * server, the container) runs on one of these.
 */
public final class WorkforceBackend {

    private final FakeSettings settings;
    private final IdSource ids;
    private final OperationDispatch operations;
    private final ConcurrentHashMap<String, RegionState> regions = new ConcurrentHashMap<>();

    public WorkforceBackend(FakeSettings settings) {
        this.settings = settings;
        this.ids = settings.idSeed() == null ? IdSource.random() : IdSource.seeded(settings.idSeed());
        this.operations = new OperationDispatch(settings.limits(), settings.lifecycle(), ids);
    }

    /** Where generated identifiers come from (random, or repeatable with an id seed). */
    public IdSource ids() {
        return ids;
    }

    public FakeSettings settings() {
        return settings;
    }

    public FakeClock clock() {
        return settings.clock();
    }

    /**
     * Validates a request against the model and applies the operation's rules; a non-null
     * {@code provisioningFailure} makes a workforce that this request creates or updates end
     * {@code Failed} with that reason.
     *
     * @return the response body in wire form
     * @throws ServiceError the error the service would answer with
     */
    public Map<String, Object> execute(Operation op, String account, String region, Map<String, Object> request,
                                       String provisioningFailure) {
        validate(op.inputShape(), request);
        return inRegion(account, region, state -> {
            Instant now = settings.clock().now();
            state.settle(now);
            return operations.handle(op, state, request, now, provisioningFailure);
        });
    }

    /**
     * Runs an action on the state of one (account, region) under its lock. State exists only while
     * it holds something: an action on an unknown pair runs on a fresh state that is kept only if
     * the action left something in it (so read-only calls and refused requests create nothing),
     * and a state an action emptied is dropped. Keeping a new pair is refused past
     * {@link io.github.sagemakerfake.control.FakeLimits#maxAccountRegions()}.
     */
    private <T> T inRegion(String account, String region, Function<RegionState, T> action) {
        String key = account + "/" + region;
        while (true) {
            RegionState state = regions.get(key);
            boolean attached = state != null;
            if (!attached) {
                state = new RegionState(account, region);
            }
            state.lock.lock();
            try {
                if (state.retired) {
                    continue; // dropped by another thread between the lookup and the lock: look again
                }
                T result;
                try {
                    result = action.apply(state);
                } finally {
                    if (attached && state.isEmpty()) {
                        state.retired = true;
                        regions.remove(key, state);
                    }
                }
                if (!attached && !state.isEmpty() && !attach(key, state)) {
                    continue; // another thread kept this pair first: run the action on its state instead
                }
                return result;
            } finally {
                state.lock.unlock();
            }
        }
    }

    /** Keeps a new pair's state; false when another thread kept one first. */
    private boolean attach(String key, RegionState state) {
        synchronized (regions) {
            if (regions.containsKey(key)) {
                return false;
            }
            int max = settings.limits().maxAccountRegions();
            if (regions.size() >= max) {
                throw ServiceError.limitExceeded("The SageMaker Workforce Fake keeps state for at most " + max
                        + " account/region pairs, and this request would add account " + state.account + " region "
                        + state.region + ". Reset the fake (or the pairs you no longer need), or raise the limit "
                        + "(FakeLimits.withMaxAccountRegions, server flag --max-account-regions).");
            }
            regions.put(key, state);
            return true;
        }
    }

    private static void validate(String shape, Map<String, Object> body) {
        try {
            RequestValidator.validate(shape, body);
        } catch (RequestValidationException e) {
            throw ServiceError.validation(e.getMessage());
        } catch (RequestSerializationException e) {
            throw new ServiceError(ServiceError.SERIALIZATION, 400, e.getMessage());
        }
    }

    /**
     * Drives a labeling job as its workers would (docs/labeling.md): a control-surface action, not a
     * request, so it is not journaled and no fault applies.
     */
    public void driveLabelingJob(String account, String region, String name, LabelingJobAction action) {
        inRegion(account, region, state -> {
            Instant now = settings.clock().now();
            state.settle(now);
            LabelingJobs.drive(state, name, action, now);
            return null;
        });
    }

    /**
     * A consistent copy of every region in which something exists, sorted by account and region,
     * with the state document of the same instant ({@link StateSnapshot#toDocument()}).
     */
    public StateSnapshot snapshot() {
        StateImage.Both both = StateImage.exportWithViews(this, settings.clock().now(), null, null, true);
        return new StateSnapshot(settings.defaultAccount(), settings.defaultRegion(), both.views(),
                Json.freeze(both.document())); // its leaves are frozen already: this copies only the containers
    }

    public RegionSnapshot snapshot(String account, String region) {
        RegionState state = regions.get(account + "/" + region);
        return state == null ? RegionSnapshot.empty(account, region) : state.snapshot(settings.clock().now());
    }

    /**
     * The whole state as a state document (docs/server.md, "The state file"): each region read
     * under its lock, as {@link #snapshot()} reads it.
     */
    public Map<String, Object> exportState() {
        return StateImage.export(this, settings.clock().now(), null, null);
    }

    /** One account and region as a state document whose {@code Scope} names them. */
    public Map<String, Object> exportState(String account, String region) {
        return StateImage.export(this, settings.clock().now(), account, region);
    }

    /**
     * Puts back a state document: all of it is read and checked first (a document with a mistake
     * changes nothing), then the regions it covers are replaced (every region, or only its
     * {@code Scope}), the id sequence continues where it was, and the clock moves forward to the
     * document's time if it is behind (it never moves back).
     *
     * @throws IllegalArgumentException naming the member that is wrong
     */
    public void restoreState(Map<String, Object> document) {
        StateImage.restore(this, document);
    }

    List<RegionState> regionStates() {
        return new ArrayList<>(regions.values());
    }

    /**
     * Replaces the regions a restore covers: all (scope null) or the one pair. Not atomic with
     * requests in flight: a request that runs on a replaced region during the restore is lost.
     */
    void replaceRegions(String scopeKey, List<RegionState> restored) {
        for (RegionState state : regions.values()) {
            if (scopeKey == null || scopeKey.equals(state.account + "/" + state.region)) {
                drop(state);
            }
        }
        for (RegionState state : restored) {
            String key = state.account + "/" + state.region;
            if (scopeKey == null || scopeKey.equals(key)) {
                RegionState old;
                synchronized (regions) { // as attach(): no region lock is taken while holding this monitor
                    old = regions.put(key, state);
                }
                if (old != null) {
                    drop(old);
                }
            }
        }
    }

    /**
     * Ends every pending transition now, as it would end (the web console's "settle"): of
     * workforces, labeling jobs and flow definitions; returns how many ended.
     */
    public int settleTransitions() {
        int settled = 0;
        for (RegionState known : List.copyOf(regions.values())) {
            settled += inRegion(known.account, known.region, state -> {
                Instant now = settings.clock().now();
                int ended = state.labeling.endTransitions(now);
                if (state.workforce != null && state.workforce.inTransition()) {
                    state.workforce.becomeActive();
                    ended++;
                }
                state.settle(now);
                return ended;
            });
        }
        return settled;
    }

    /** Forgets every resource in every region; no account or region keeps any memory. */
    public void reset() {
        for (RegionState state : regions.values()) {
            drop(state);
        }
    }

    /** Forgets every resource of one account and region; other regions stay. */
    public void reset(String account, String region) {
        RegionState state = regions.get(account + "/" + region);
        if (state != null) {
            drop(state);
        }
    }

    private void drop(RegionState state) {
        state.lock.lock();
        try {
            state.clear();
            state.retired = true;
            regions.remove(state.account + "/" + state.region, state);
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * Applies a seed document: the resources it describes are created through the same rules as
     * requests, and a seeded workforce is Active at once. All or nothing: when an entry breaks a
     * rule, the region is left as it was and the exception names the entry.
     *
     * <p>Format (every member optional): {@code {"Account", "Region", "Workforce": <CreateWorkforce
     * request>, "Workteams": [<CreateWorkteam request>], "SubscribedWorkteams": [<SubscribedWorkteam>],
     * "HumanTaskUis": [<CreateHumanTaskUi request>], "FlowDefinitions": [<CreateFlowDefinition request>],
     * "LabelingJobs": [<CreateLabelingJob request, or LabelingJobForWorkteamSummary plus "WorkteamName">]}}, or
     * {@code {"Regions": [<that>, ...]}}. Timestamps may be epoch seconds or ISO-8601 text.
     */
    private static final AcceptedNames SEED_DOCUMENT = AcceptedNames.of("member", "A seed document", "Account",
            "Region", "Workforce", "Workteams", "SubscribedWorkteams", "HumanTaskUis", "FlowDefinitions",
            "LabelingJobs", "Regions");
    private static final AcceptedNames SEED_REGION = AcceptedNames.of("member", "A seed document's Regions entry",
            "Account", "Region", "Workforce", "Workteams", "SubscribedWorkteams", "HumanTaskUis", "FlowDefinitions",
            "LabelingJobs");
    private static final AcceptedNames SEED_REGIONS = AcceptedNames.of("member",
            "A seed document with Regions (it holds the regions' members in its Regions entries)", "Regions");

    @SuppressWarnings("unchecked")
    public void seed(Map<String, Object> document) {
        Object regionsList = document.get("Regions");
        if (regionsList != null) {
            SEED_REGIONS.check(document.keySet());
            for (Object doc : asList(regionsList, "Regions")) {
                Map<String, Object> region = asObject(doc, "Regions entry");
                SEED_REGION.check(region.keySet());
                seed(region);
            }
            return;
        }
        SEED_DOCUMENT.check(document.keySet());
        String account = document.get("Account") == null ? settings.defaultAccount()
                : FakeSettings.requireAccount(asString(document.get("Account"), "Account"));
        String regionName = document.get("Region") == null ? settings.defaultRegion()
                : FakeSettings.requireRegion(asString(document.get("Region"), "Region"));
        try {
            inRegion(account, regionName, state -> {
                seed(document, account, state);
                return null;
            });
        } catch (ServiceError e) {
            throw new IllegalArgumentException("The seed was refused with " + e.code() + ": " + e.getMessage(), e);
        }
    }

    /** Applies one region's seed document under that region's lock. */
    private void seed(Map<String, Object> document, String account, RegionState state) {
        WorkforceRecord oldWorkforce = state.workforce;
        TreeMap<String, WorkteamRecord> oldTeams = new TreeMap<>(state.workteams);
        List<Map<String, Object>> oldSubscribed = new ArrayList<>(state.subscribedWorkteams);
        Map<String, List<Map<String, Object>>> oldJobs = new LinkedHashMap<>();
        state.labelingJobs.forEach((k, v) -> oldJobs.put(k, new ArrayList<>(v)));
        TreeMap<String, LabelingJobRecord> oldLabelingJobs = new TreeMap<>(state.labeling.jobs);
        TreeMap<String, FlowDefinitionRecord> oldFlows = new TreeMap<>(state.labeling.flowDefinitions);
        TreeMap<String, HumanTaskUiRecord> oldUis = new TreeMap<>(state.labeling.humanTaskUis);
        try {
            Instant now = settings.clock().now();
            state.settle(now);
            if (document.get("Workforce") != null) {
                Map<String, Object> request = asObject(document.get("Workforce"), "Workforce");
                seedStep("Workforce", () -> {
                    validate(Operation.CREATE_WORKFORCE.inputShape(), request);
                    operations.handle(Operation.CREATE_WORKFORCE, state, request, now, null);
                });
                state.workforce.becomeActive();
            }
            List<Object> teams = asList(document.getOrDefault("Workteams", List.of()), "Workteams");
            for (int i = 0; i < teams.size(); i++) {
                Map<String, Object> request = asObject(teams.get(i), "Workteams[" + i + "]");
                seedStep("Workteams[" + i + "]", () -> {
                    validate(Operation.CREATE_WORKTEAM.inputShape(), request);
                    operations.handle(Operation.CREATE_WORKTEAM, state, request, now, null);
                });
                if (state.workforce != null) {
                    state.workforce.becomeActive();
                }
            }
            List<Object> vendors = asList(document.getOrDefault("SubscribedWorkteams", List.of()), "SubscribedWorkteams");
            for (int i = 0; i < vendors.size(); i++) {
                Map<String, Object> team = asObject(vendors.get(i), "SubscribedWorkteams[" + i + "]");
                seedStep("SubscribedWorkteams[" + i + "]", () -> validate("SubscribedWorkteam", team));
                state.subscribedWorkteams.add(Json.copy(team));
            }
            seedRequests(document, "HumanTaskUis", Operation.CREATE_HUMAN_TASK_UI, state, now);
            seedRequests(document, "FlowDefinitions", Operation.CREATE_FLOW_DEFINITION, state, now);
            List<Object> jobs = asList(document.getOrDefault("LabelingJobs", List.of()), "LabelingJobs");
            for (int i = 0; i < jobs.size(); i++) {
                String where = "LabelingJobs[" + i + "]";
                Map<String, Object> job = Json.copy(asObject(jobs.get(i), where));
                if (job.containsKey("HumanTaskConfig")) { // a CreateLabelingJob request: a job that runs
                    seedStep(where, () -> {
                        validate(Operation.CREATE_LABELING_JOB.inputShape(), job);
                        operations.handle(Operation.CREATE_LABELING_JOB, state, job, now, null);
                    });
                    LabelingJobRecord created = state.labeling.job((String) job.get("LabelingJobName"));
                    created.endTransition(now);
                    restoreJob(created, job, where, now);
                    continue;
                }
                String teamName = asString(job.remove("WorkteamName"), where + ".WorkteamName");
                WorkteamRecord team = teamName == null ? null : state.workteams.get(teamName);
                if (team == null) {
                    throw new IllegalArgumentException("Seed entry " + where + " needs \"WorkteamName\" naming a work "
                            + "team of the seed or of the fake; got " + teamName + ".");
                }
                job.putIfAbsent("WorkRequesterAccountId", account);
                job.put("CreationTime", seedTime(job.get("CreationTime"), where, now));
                seedStep(where, () -> validate("LabelingJobForWorkteamSummary", job));
                state.labelingJobs.computeIfAbsent(team.arn, k -> new ArrayList<>()).add(job);
            }
        } catch (RuntimeException e) {
            state.workforce = oldWorkforce;
            new ArrayList<>(state.workteams.keySet()).forEach(state::removeWorkteam);
            oldTeams.values().forEach(state::putWorkteam);
            state.subscribedWorkteams.clear();
            state.subscribedWorkteams.addAll(oldSubscribed);
            state.labelingJobs.clear();
            state.labelingJobs.putAll(oldJobs);
            state.labeling.clear();
            state.labeling.jobs.putAll(oldLabelingJobs);
            state.labeling.flowDefinitions.putAll(oldFlows);
            state.labeling.humanTaskUis.putAll(oldUis);
            throw e;
        }
    }

    /** Seeds resources from their Create requests, through the same rules; flow definitions start Active. */
    private void seedRequests(Map<String, Object> document, String key, Operation op, RegionState state, Instant now) {
        List<Object> requests = asList(document.getOrDefault(key, List.of()), key);
        for (int i = 0; i < requests.size(); i++) {
            Map<String, Object> request = asObject(requests.get(i), key + "[" + i + "]");
            seedStep(key + "[" + i + "]", () -> {
                validate(op.inputShape(), request);
                operations.handle(op, state, request, now, null);
            });
            if (op == Operation.CREATE_FLOW_DEFINITION) {
                FlowDefinitionRecord flow = state.labeling.flowDefinitions.get((String) request.get("FlowDefinitionName"));
                flow.endTransition();
                restoreFlow(flow, request, key + "[" + i + "]", now);
            } else if (op == Operation.CREATE_HUMAN_TASK_UI && request.get("CreationTime") != null) {
                state.labeling.humanTaskUis.get((String) request.get("HumanTaskUiName")).creationTime =
                        WireTime.instant(seedTime(request.get("CreationTime"), key + "[" + i + "]", now));
            }
        }
    }

    /**
     * A seeded labeling job in DescribeLabelingJob's form (a state snapshot's) keeps what it
     * describes: JobReferenceCode, CreationTime, LastModifiedTime, LabelingJobStatus (InProgress by
     * default; Initializing and Stopping start their transition again), LabelCounters, FailureReason
     * and LabelingJobOutput.
     */
    @SuppressWarnings("unchecked")
    private void restoreJob(LabelingJobRecord job, Map<String, Object> entry, String where, Instant now) {
        if (entry.get("JobReferenceCode") != null) {
            job.jobReferenceCode = asString(entry.get("JobReferenceCode"), where + ".JobReferenceCode");
        }
        if (entry.get("CreationTime") != null) {
            job.creationTime = WireTime.instant(seedTime(entry.get("CreationTime"), where, now));
        }
        job.lastModifiedTime = entry.get("LastModifiedTime") == null ? job.creationTime
                : WireTime.instant(seedTime(entry.get("LastModifiedTime"), where, now));
        if (entry.get("LabelCounters") != null) {
            Map<String, Object> counters = asObject(entry.get("LabelCounters"), where + ".LabelCounters");
            job.humanLabeled = count(counters, "HumanLabeled", where);
            job.machineLabeled = count(counters, "MachineLabeled", where);
            job.failedNonRetryableError = count(counters, "FailedNonRetryableError", where);
            job.unlabeled = count(counters, "Unlabeled", where);
        }
        job.failureReason = asString(entry.get("FailureReason"), where + ".FailureReason");
        job.output = entry.get("LabelingJobOutput") == null ? null
                : Json.copy(asObject(entry.get("LabelingJobOutput"), where + ".LabelingJobOutput"));
        String status = asString(entry.get("LabelingJobStatus"), where + ".LabelingJobStatus");
        if (status == null) {
            return;
        }
        Instant modified = job.lastModifiedTime;
        switch (status) {
            case LabelingJobRecord.INITIALIZING -> job.startTransition(status, LabelingJobRecord.IN_PROGRESS, null,
                    Transition.start(settings.lifecycle(), now), now);
            case LabelingJobRecord.STOPPING -> job.startTransition(status, LabelingJobRecord.STOPPED, null,
                    Transition.start(settings.lifecycle(), now), now);
            case LabelingJobRecord.IN_PROGRESS, LabelingJobRecord.COMPLETED, LabelingJobRecord.FAILED,
                 LabelingJobRecord.STOPPED -> job.status = status;
            default -> throw new IllegalArgumentException("Seed entry " + where + " has LabelingJobStatus '" + status
                    + "'; use Initializing, InProgress, Completed, Failed, Stopping or Stopped.");
        }
        job.lastModifiedTime = modified;
    }

    /** A seeded flow definition in DescribeFlowDefinition's form keeps its CreationTime and status (Active by default). */
    private void restoreFlow(FlowDefinitionRecord flow, Map<String, Object> entry, String where, Instant now) {
        if (entry.get("CreationTime") != null) {
            flow.creationTime = WireTime.instant(seedTime(entry.get("CreationTime"), where, now));
        }
        String status = asString(entry.get("FlowDefinitionStatus"), where + ".FlowDefinitionStatus");
        if (status == null || FlowDefinitionRecord.ACTIVE.equals(status)) {
            return;
        }
        switch (status) {
            case FlowDefinitionRecord.FAILED -> {
                flow.status = status;
                flow.failureReason = asString(entry.get("FailureReason"), where + ".FailureReason");
            }
            case FlowDefinitionRecord.INITIALIZING -> flow.startTransition(status, FlowDefinitionRecord.ACTIVE, null,
                    Transition.start(settings.lifecycle(), now), now);
            case FlowDefinitionRecord.DELETING -> flow.startTransition(status, null, null,
                    Transition.start(settings.lifecycle(), now), now);
            default -> throw new IllegalArgumentException("Seed entry " + where + " has FlowDefinitionStatus '"
                    + status + "'; use Initializing, Active, Failed or Deleting.");
        }
    }

    private static long count(Map<String, Object> counters, String member, String where) {
        Object value = counters.get(member);
        if (value == null) {
            return 0;
        }
        return JsonNumbers.wholeNumber(value, "Seed entry " + where + ".LabelCounters." + member, 0, Long.MAX_VALUE,
                "a number of data objects");
    }

    private static void seedStep(String where, Runnable step) {
        try {
            step.run();
        } catch (ServiceError e) {
            throw new IllegalArgumentException("Seed entry " + where + " was refused with " + e.code() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Object seedTime(Object value, String where, Instant now) {
        if (value == null) {
            return WireTime.epochSeconds(now);
        }
        if (value instanceof String text) {
            try {
                return WireTime.epochSeconds(Instant.parse(text));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Seed entry " + where + " has CreationTime '" + text
                        + "'; use epoch seconds or ISO-8601 such as 2024-05-01T12:00:00Z.");
            }
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value, String where) {
        if (!(value instanceof List)) {
            throw new IllegalArgumentException("Seed entry " + where + " must be a JSON array; see docs/seeding.md for the seed format.");
        }
        return (List<Object>) value;
    }

    private static String asString(Object value, String where) {
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("Seed entry " + where + " must be a JSON string; see docs/seeding.md for the seed format.");
        }
        return (String) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("Seed entry " + where + " must be a JSON object.");
        }
        return (Map<String, Object>) value;
    }
}
