package io.github.sagemakerfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.LabelingJobAction;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.control.StateSnapshot;
import io.github.sagemakerfake.control.WorkforceSnapshot;
import io.github.sagemakerfake.control.WorkteamSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CognitoMemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.ListWorkteamsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * Stateful randomized test: seeded random sequences of operations (with and without a provisioning
 * delay, with clock moves) through the real in-process SDK client, with the state invariants
 * checked after every step and the "never a 5xx" rule checked on every answer. A failure is shrunk
 * to a short sequence and printed with its seed and settings, so it reproduces as a plain test.
 *
 * <p>Invariants: every work team belongs to the existing workforce of its account and region, with
 * its workforce's identity provider (Cognito members use the workforce's user pool and client);
 * a workforce that is Deleting has no team; no region has more teams than the limit; a full
 * ListWorkteams walk lists each team exactly once; every error is a 4xx with an error code. The
 * labeling plane: no labeling job or flow definition refers to a private work team of another
 * account or region; labeling job names are unique ignoring case; a full ListLabelingJobs walk
 * lists each job once.
 */
class StatefulRandomTest {

    private static final int MAX_TEAMS = 4;
    private static final String[] WORKFORCES = {"default", "wf-a", "wf-b"};
    private static final String[] TEAMS = {"t0", "t1", "t2", "t3", "t4"};
    private static final String[] POOLS = {Requests.POOL, "us-east-1_Other9"};

    /** One generated operation; a, b and c pick among small pools of names and variants. */
    enum Kind {
        CREATE_WORKFORCE, DELETE_WORKFORCE, UPDATE_WORKFORCE, DESCRIBE_WORKFORCE, LIST_WORKFORCES,
        CREATE_WORKTEAM, UPDATE_WORKTEAM, DELETE_WORKTEAM, DESCRIBE_WORKTEAM, LIST_WORKTEAMS,
        ADD_TAGS, LIST_TAGS, DELETE_TAGS, LIST_LABELING_JOBS, ADVANCE_CLOCK, RESET_REGION,
        /**
         * Arms a fault rule: the next CreateWorkforce, UpdateWorkforce, CreateWorkteam, CreateLabelingJob or
         * CreateFlowDefinition provisions a Failed workforce, job or flow definition.
         */
        FAIL_PROVISIONING,
        // The labeling plane: jobs and flows name a team of this account, of the other one, the public crowd, or none.
        CREATE_LABELING_JOB, DESCRIBE_LABELING_JOB, STOP_LABELING_JOB, LIST_ALL_LABELING_JOBS, DRIVE_LABELING_JOB,
        CREATE_TASK_UI, DELETE_TASK_UI, CREATE_FLOW, DESCRIBE_FLOW, DELETE_FLOW
    }

    record Step(Kind kind, int a, int b, int c) {
        @Override
        public String toString() {
            return kind + "(" + a + ", " + b + ", " + c + ")";
        }
    }

    /** How one run is configured: the workforce lifecycle, and a label for the report. */
    record Config(String label, Lifecycle lifecycle) {
    }

    static final List<Config> CONFIGS = List.of(
            new Config("immediate", Lifecycle.immediate()),
            new Config("observed once (the default)", Lifecycle.observed(1)),
            new Config("observed 3 times", Lifecycle.observed(3)),
            new Config("timed 5s", Lifecycle.timed(Duration.ofSeconds(5))),
            new Config("timed 1ms", Lifecycle.timed(Duration.ofMillis(1))));

    // ------------------------------------------------------------------------------ the properties

    @Test
    void randomSequencesKeepEveryInvariant() {
        // CI runs 5 lifecycles x 1 seed x 700 steps (a few seconds on an idle machine); -Dstateful.seeds=N -Dstateful.steps=M explores further.
        int seedCount = Integer.getInteger("stateful.seeds", 1);
        int stepCount = Integer.getInteger("stateful.steps", 700);
        for (Config config : CONFIGS) {
            for (long seed = 1; seed <= seedCount; seed++) {
                List<Step> steps = generate(new Random(seed), stepCount);
                Failure failure = run(config, steps);
                if (failure != null) {
                    List<Step> shrunk = shrink(config, steps);
                    Failure again = run(config, shrunk);
                    fail("Seed " + seed + ", " + config.label() + ": " + failure.message() + "\nShrunk to "
                            + shrunk.size() + " step(s), failing with: " + (again == null ? "?" : again.message())
                            + "\n  " + shrunk.stream().map(Step::toString).collect(Collectors.joining("\n  ")));
                }
            }
        }
    }

    /**
     * The measured bug: with a delay, a team created while its workforce was Deleting outlived it;
     * UpdateWorkteam then answered 500 and the next team made a second workforce.
     */
    @Test
    void aDeletingWorkforceTakesNoTeamAndLeavesNoOrphan() {
        Config delayed = CONFIGS.stream().filter(c -> c.label().equals("timed 5s")).findFirst().orElseThrow();
        List<Step> orphanSequence = List.of(
                new Step(Kind.CREATE_WORKFORCE, 1, 0, 0),   // Cognito workforce wf-a
                new Step(Kind.ADVANCE_CLOCK, 6_000, 0, 0),  // Active
                new Step(Kind.DELETE_WORKFORCE, 1, 0, 0),   // Deleting
                new Step(Kind.CREATE_WORKTEAM, 0, 0, 0),    // refused with a 4xx
                new Step(Kind.ADVANCE_CLOCK, 6_000, 0, 0),  // the deletion completes
                new Step(Kind.UPDATE_WORKTEAM, 0, 0, 0),
                new Step(Kind.CREATE_WORKTEAM, 1, 0, 0));
        assertThat(run(delayed, orphanSequence)).isNull();

        try (SageMakerWorkforceFake fake = fake(delayed)) {
            SageMakerClient sageMaker = fake.client();
            sageMaker.createWorkforce(Requests.cognitoWorkforce("wf-a"));
            fake.advanceClock(Duration.ofSeconds(6));
            sageMaker.deleteWorkforce(r -> r.workforceName("wf-a"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sageMaker.createWorkteam(Requests.cognitoTeam("t0")))
                    .isInstanceOfSatisfying(SageMakerException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("wf-a is being deleted");
                    });
            fake.advanceClock(Duration.ofSeconds(6));
            assertThat(fake.snapshot().defaultRegion().workforce()).isEmpty();
            assertThat(fake.snapshot().defaultRegion().workteams()).isEmpty();
        }
    }

    @Test
    void theSequencesReachTheLabelingPlane() {
        // The labeling invariants above hold trivially if no job or flow is ever created: check they are.
        Set<String> seen = new HashSet<>();
        Consumer<StateSnapshot> record = s -> s.regions().forEach(r -> {
            r.labelingJobList().forEach(j -> seen.add("job " + j.status() + " " + (j.workteamArn().contains("private-crowd")
                    ? "private" : "aws-or-vendor")));
            r.flowDefinitions().forEach(f -> seen.add("flow " + f.status()));
        });
        assertThat(run(CONFIGS.get(1), generate(new Random(1), 700), record)).isNull();
        assertThat(seen).contains("job InProgress private", "job InProgress aws-or-vendor", "flow Active");
    }

    @Test
    void theShrinkerFindsAShortSequenceForABrokenInvariant() {
        // A deliberately false property (no region ever holds two teams) shows the shrinker at work.
        List<Step> steps = generate(new Random(7), 400);
        Consumer<StateSnapshot> falseInvariant = s -> s.regions().forEach(r ->
                assertThat(r.workteams()).as("teams of %s/%s", r.account(), r.region()).hasSizeLessThan(2));
        Config config = CONFIGS.get(0);
        assertThat(run(config, steps, falseInvariant)).isNotNull();
        List<Step> shrunk = shrink(config, steps, falseInvariant);
        assertThat(run(config, shrunk, falseInvariant)).isNotNull();
        assertThat(shrunk.size()).as("shrunk %s", shrunk).isLessThanOrEqualTo(4);
    }

    // ------------------------------------------------------------------------------ generation

    static List<Step> generate(Random random, int count) {
        Kind[] kinds = Kind.values();
        List<Step> steps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Kind kind = kinds[random.nextInt(kinds.length)];
            if (kind == Kind.RESET_REGION && random.nextInt(8) != 0) {
                kind = Kind.CREATE_WORKTEAM; // resets are rare, or nothing would ever pile up
            }
            int a = kind == Kind.ADVANCE_CLOCK ? random.nextInt(4) * 2_000 + random.nextInt(2) : random.nextInt(8);
            steps.add(new Step(kind, a, random.nextInt(4), random.nextInt(3)));
        }
        return steps;
    }

    // ------------------------------------------------------------------------------ running

    record Failure(int step, String message) {
    }

    static SageMakerWorkforceFake fake(Config config) {
        return SageMakerWorkforceFake.builder().maxWorkteams(MAX_TEAMS).lifecycle(config.lifecycle())
                .clock(FakeClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"))).build();
    }

    static Failure run(Config config, List<Step> steps) {
        return run(config, steps, s -> { });
    }

    /** Runs the steps on a fresh fake; the first broken rule, or null. */
    static Failure run(Config config, List<Step> steps, Consumer<StateSnapshot> extraInvariant) {
        try (SageMakerWorkforceFake fake = fake(config)) {
            SageMakerClient[] clients = {fake.client(), fake.client("210987654321", "eu-west-1")};
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                try {
                    apply(fake, clients[step.c() == 2 ? 1 : 0], step);
                    StateSnapshot snapshot = fake.snapshot();
                    checkInvariants(snapshot);
                    extraInvariant.accept(snapshot);
                } catch (AssertionError | RuntimeException e) {
                    return new Failure(i, "step " + i + " " + step + ": " + e);
                }
            }
            return null;
        }
    }

    static void apply(SageMakerWorkforceFake fake, SageMakerClient sageMaker, Step step) {
        if (step.kind() == Kind.ADVANCE_CLOCK) {
            fake.advanceClock(Duration.ofMillis(step.a()));
            return;
        }
        if (step.kind() == Kind.FAIL_PROVISIONING) {
            String operation = List.of("CreateWorkforce", "UpdateWorkforce", "CreateWorkteam", "CreateLabelingJob",
                    "CreateFlowDefinition").get(step.a() % 5);
            fake.addFault(FaultRule.forOperation(operation).once().failProvisioning("The subnet has no free IP address."));
            return;
        }
        if (step.kind() == Kind.RESET_REGION) {
            fake.reset(fake.defaultAccount(), fake.defaultRegion());
            return;
        }
        if (step.kind() == Kind.DRIVE_LABELING_JOB) {
            String region = sageMaker.serviceClientConfiguration().region().id();
            String account = "eu-west-1".equals(region) ? "210987654321" : "123456789012";
            LabelingJobAction action = switch (step.b()) {
                case 0 -> LabelingJobAction.addObjects(5);
                case 1 -> LabelingJobAction.label(2, 1, 0);
                case 2 -> LabelingJobAction.complete(null);
                default -> LabelingJobAction.fail("The manifest is gone.");
            };
            try {
                fake.driveLabelingJob(account, region, job(step), action);
            } catch (IllegalArgumentException | IllegalStateException refused) {
                // no such job, or its status does not allow it: the control surface says so, nothing changes
            }
            return;
        }
        try {
            call(sageMaker, step);
        } catch (SageMakerException e) {
            // Every refusal is a client error the SDK can read: a 4xx with an error code, never a 5xx.
            assertThat(e.statusCode()).as("%s answered %s", step, e.getMessage()).isBetween(400, 499);
            assertThat(e.awsErrorDetails().errorCode()).as("error code of %s", e.getMessage()).isNotBlank();
        } catch (SdkClientException e) {
            throw new AssertionError(step + " failed in the client: " + e, e);
        }
    }

    private static void call(SageMakerClient sageMaker, Step step) {
        String workforce = WORKFORCES[step.a() % WORKFORCES.length];
        String team = TEAMS[step.a() % TEAMS.length];
        switch (step.kind()) {
            case CREATE_WORKFORCE -> sageMaker.createWorkforce(step.b() % 2 == 0 ? Requests.cognitoWorkforce(workforce)
                    : Requests.oidcWorkforce(workforce));
            case DELETE_WORKFORCE -> sageMaker.deleteWorkforce(r -> r.workforceName(workforce));
            case UPDATE_WORKFORCE -> {
                if (step.b() % 2 == 0) {
                    sageMaker.updateWorkforce(r -> r.workforceName(workforce)
                            .sourceIpConfig(c -> c.cidrs("10.0." + step.b() + ".0/24")));
                } else {
                    sageMaker.updateWorkforce(r -> r.workforceName(workforce).oidcConfig(Requests.oidcConfig()));
                }
            }
            case DESCRIBE_WORKFORCE -> sageMaker.describeWorkforce(r -> r.workforceName(workforce));
            case LIST_WORKFORCES -> sageMaker.listWorkforces(r -> r.maxResults(1));
            case CREATE_WORKTEAM -> sageMaker.createWorkteam(r -> {
                r.workteamName(team).description("team " + team).memberDefinitions(members(step.b(), team));
                if (step.c() == 1) {
                    r.workforceName(WORKFORCES[step.b() % WORKFORCES.length]);
                }
            });
            case UPDATE_WORKTEAM -> sageMaker.updateWorkteam(r -> {
                r.workteamName(team).description("updated");
                if (step.b() != 3) {
                    r.memberDefinitions(members(step.b(), team));
                }
            });
            case DELETE_WORKTEAM -> sageMaker.deleteWorkteam(r -> r.workteamName(team));
            case DESCRIBE_WORKTEAM -> sageMaker.describeWorkteam(r -> r.workteamName(team));
            case LIST_WORKTEAMS -> listEveryTeamOnce(sageMaker, step);
            case ADD_TAGS -> sageMaker.addTags(r -> r.resourceArn(teamArn(sageMaker, team))
                    .tags(Tag.builder().key("k" + step.b()).value("v").build(),
                            Tag.builder().key("k" + (step.b() + step.c())).value("w").build()));
            case LIST_TAGS -> {
                ListTagsResponse tags = sageMaker.listTags(r -> r.resourceArn(teamArn(sageMaker, team)).maxResults(1));
                assertThat(tags.tags()).hasSizeLessThanOrEqualTo(1);
            }
            case DELETE_TAGS -> sageMaker.deleteTags(r -> r.resourceArn(teamArn(sageMaker, team)).tagKeys("k" + step.b()));
            case LIST_LABELING_JOBS -> sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(teamArn(sageMaker, team)));
            case CREATE_LABELING_JOB -> sageMaker.createLabelingJob(LabelingRequests.labelingJob(
                    job(step), workteamReference(sageMaker, team, step.b())));
            case DESCRIBE_LABELING_JOB -> sageMaker.describeLabelingJob(r -> r.labelingJobName(job(step)));
            case STOP_LABELING_JOB -> sageMaker.stopLabelingJob(r -> r.labelingJobName(job(step)));
            case LIST_ALL_LABELING_JOBS -> {
                List<String> names = sageMaker.listLabelingJobsPaginator(r -> r.maxResults(1 + step.b()))
                        .labelingJobSummaryList().stream().map(j -> j.labelingJobName()).toList();
                assertThat(new HashSet<>(names)).as("ListLabelingJobs walk %s", names).hasSameSizeAs(names);
            }
            case CREATE_TASK_UI -> sageMaker.createHumanTaskUi(LabelingRequests.taskUi(UIS[step.a() % UIS.length]));
            case DELETE_TASK_UI -> sageMaker.deleteHumanTaskUi(r -> r.humanTaskUiName(UIS[step.a() % UIS.length]));
            case CREATE_FLOW -> sageMaker.createFlowDefinition(LabelingRequests.flow(FLOWS[step.a() % FLOWS.length],
                    workteamReference(sageMaker, team, step.b()), step.c() == 0 ? LabelingRequests.BUILT_IN_UI
                            : taskUiArn(sageMaker, UIS[step.b() % UIS.length])));
            case DESCRIBE_FLOW -> sageMaker.describeFlowDefinition(r -> r.flowDefinitionName(FLOWS[step.a() % FLOWS.length]));
            case DELETE_FLOW -> sageMaker.deleteFlowDefinition(r -> r.flowDefinitionName(FLOWS[step.a() % FLOWS.length]));
            case ADVANCE_CLOCK, RESET_REGION, FAIL_PROVISIONING, DRIVE_LABELING_JOB ->
                    throw new IllegalStateException("handled by apply");
        }
    }

    /** b: 0 and 1 Cognito with the first or second user pool, 2 OIDC, 3 Cognito members with two pools mixed. */
    private static List<MemberDefinition> members(int variant, String team) {
        return switch (variant) {
            case 0, 1 -> List.of(cognito(POOLS[variant], team + "-g"));
            case 2 -> List.of(Requests.oidcMember(team + "-oidc"));
            default -> List.of(cognito(POOLS[0], team + "-g"), cognito(POOLS[1], team + "-h"));
        };
    }

    private static MemberDefinition cognito(String pool, String group) {
        return MemberDefinition.builder().cognitoMemberDefinition(CognitoMemberDefinition.builder().userPool(pool)
                .clientId(Requests.CLIENT).userGroup(group).build()).build();
    }

    /** Labeling job names are never free again, so there are many; b = 3 writes the same names in upper case. */
    private static String job(Step step) {
        return (step.b() == 3 ? "JOB-" : "job-") + step.a() + "-" + step.c();
    }

    private static final String[] FLOWS = {"flow-a", "flow-b"};
    private static final String[] UIS = {"ui-a", "ui-b"};

    /** b: 0 and 1 a team of the caller's account, 2 the same name in the other account, 3 the public crowd or a vendor. */
    private static String workteamReference(SageMakerClient sageMaker, String team, int variant) {
        String own = teamArn(sageMaker, team);
        String region = sageMaker.serviceClientConfiguration().region().id();
        return switch (variant) {
            case 0 -> { // a team that exists, when there is one, so that jobs and flows of private teams do occur
                List<software.amazon.awssdk.services.sagemaker.model.Workteam> teams =
                        sageMaker.listWorkteams(r -> r.maxResults(100)).workteams();
                yield teams.isEmpty() ? own : teams.get(Math.floorMod(team.hashCode(), teams.size())).workteamArn();
            }
            case 1 -> own;
            case 2 -> own.contains(":123456789012:") ? own.replace(":123456789012:", ":210987654321:")
                    : own.replace(":210987654321:", ":123456789012:");
            default -> team.equals("t0") || team.equals("t2") ? "arn:aws:sagemaker:" + region
                    + ":394669845002:workteam/public-crowd/default"
                    : "arn:aws:sagemaker:" + region + ":555566667777:workteam/vendor-crowd/acme";
        };
    }

    private static String taskUiArn(SageMakerClient sageMaker, String name) {
        return teamArn(sageMaker, "x").replace("workteam/private-crowd/x", "human-task-ui/" + name);
    }

    private static String teamArn(SageMakerClient sageMaker, String team) {
        String region = sageMaker.serviceClientConfiguration().region().id();
        String account = "eu-west-1".equals(region) ? "210987654321" : "123456789012";
        return "arn:aws:sagemaker:" + region + ":" + account + ":workteam/private-crowd/" + team;
    }

    /** A full walk with a small page lists each team once, in every order. */
    private static void listEveryTeamOnce(SageMakerClient sageMaker, Step step) {
        String sortBy = step.b() % 2 == 0 ? "CreateDate" : "Name";
        String order = step.c() == 0 ? "Descending" : "Ascending";
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListWorkteamsResponse page = sageMaker.listWorkteams(r -> r.sortBy(sortBy).sortOrder(order).maxResults(1 + step.b())
                    .nextToken(next));
            page.workteams().forEach(t -> names.add(t.workteamName()));
            token = page.nextToken();
            assertThat(++pages).as("pages of a listing").isLessThan(100);
        } while (token != null);
        assertThat(new HashSet<>(names)).as("listing %s", names).hasSameSizeAs(names);
        int total = sageMaker.listWorkteams(r -> r.maxResults(100)).workteams().size();
        assertThat(names).as("paged listing").hasSize(total);
    }

    // ------------------------------------------------------------------------------ invariants

    static void checkInvariants(StateSnapshot snapshot) {
        for (RegionSnapshot region : snapshot.regions()) {
            String where = region.account() + "/" + region.region();
            String ownPrefix = "arn:aws:sagemaker:" + region.region() + ":" + region.account() + ":workteam/private-crowd/";
            List<String> references = new ArrayList<>();
            region.labelingJobList().forEach(j -> references.add(j.workteamArn()));
            region.flowDefinitions().forEach(f -> f.workteamArn().ifPresent(references::add));
            for (String arn : references) {
                if (arn.contains(":workteam/private-crowd/")) {
                    assertThat(arn).as("a private team a job or flow of %s refers to", where).startsWith(ownPrefix);
                }
            }
            Set<String> jobNames = region.labelingJobNames().stream().map(n -> n.toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.toSet());
            assertThat(jobNames).as("labeling job names of %s, ignoring case", where)
                    .hasSameSizeAs(region.labelingJobNames());
            List<WorkteamSnapshot> teams = region.workteams();
            assertThat(teams.size()).as("teams in %s", where).isLessThanOrEqualTo(MAX_TEAMS);
            if (teams.isEmpty()) {
                continue;
            }
            assertThat(region.workforce()).as("the workforce of the teams in %s", where).isPresent();
            WorkforceSnapshot wf = region.workforce().orElseThrow();
            assertThat(wf.status()).as("status of %s in %s, which has teams", wf.name(), where).isNotEqualTo("Deleting");
            for (WorkteamSnapshot team : teams) {
                assertThat(team.workforceArn()).as("workforce of team %s", team.name()).isEqualTo(wf.arn());
                assertThat(team.subDomain()).as("subdomain of team %s", team.name()).isEqualTo(wf.subDomain());
                for (Map<String, Object> member : team.memberDefinitions()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> cognito = (Map<String, Object>) member.get("CognitoMemberDefinition");
                    if (wf.isOidc()) {
                        assertThat(cognito).as("Cognito member of %s in OIDC workforce", team.name()).isNull();
                    } else {
                        assertThat(cognito).as("member of %s in a Cognito workforce", team.name()).isNotNull();
                        assertThat(cognito.get("UserPool")).isEqualTo(wf.cognitoConfig().get("UserPool"));
                        assertThat(cognito.get("ClientId")).isEqualTo(wf.cognitoConfig().get("ClientId"));
                    }
                }
            }
            Set<String> names = new HashSet<>(region.workteamNames());
            assertThat(names).hasSameSizeAs(teams);
        }
    }

    // ------------------------------------------------------------------------------ shrinking

    static List<Step> shrink(Config config, List<Step> steps) {
        return shrink(config, steps, s -> { });
    }

    /**
     * Delta debugging: drops chunks of the failing sequence, halving the chunk size down to single
     * steps, keeping each cut that still fails (with any failure); then simplifies clock moves.
     */
    static List<Step> shrink(Config config, List<Step> steps, Consumer<StateSnapshot> extraInvariant) {
        Failure first = run(config, steps, extraInvariant);
        List<Step> current = new ArrayList<>(steps.subList(0, first.step() + 1));
        int budget = 2_000;
        for (int chunk = Math.max(1, current.size() / 2); chunk >= 1 && budget > 0; chunk /= 2) {
            boolean removed = true;
            while (removed && budget > 0) {
                removed = false;
                for (int start = 0; start + chunk <= current.size() && budget > 0; ) {
                    List<Step> candidate = new ArrayList<>(current.subList(0, start));
                    candidate.addAll(current.subList(start + chunk, current.size()));
                    budget--;
                    Failure f = run(config, candidate, extraInvariant);
                    if (f != null) {
                        current = new ArrayList<>(candidate.subList(0, f.step() + 1));
                        removed = true;
                    } else {
                        start += chunk;
                    }
                }
            }
        }
        return current;
    }
}
