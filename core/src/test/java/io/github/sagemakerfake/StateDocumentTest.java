package io.github.sagemakerfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.StatefulRandomTest.Config;
import io.github.sagemakerfake.StatefulRandomTest.Step;
import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.LabelingJobAction;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.control.StateSnapshot;
import io.github.sagemakerfake.control.FaultRule;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ListWorkteamsRequest;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;
import software.amazon.awssdk.services.sagemaker.model.ListWorkteamsSortByOptions;
import software.amazon.awssdk.services.sagemaker.model.Workforce;

/**
 * The state document (docs/server.md, "The state file"): a snapshot restored into a new fake is
 * the same state, field for field, as every client and the control surface read it.
 */
class StateDocumentTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String OTHER_ACCOUNT = "210987654321";

    private static SageMakerWorkforceFake fake(Lifecycle lifecycle) {
        return SageMakerWorkforceFake.builder().maxWorkteams(4).lifecycle(lifecycle)
                .clock(FakeClock.startingAt(START)).build();
    }

    // ------------------------------------------------------------------------------ the property

    /**
     * Over the stateful random test's sequences (every lifecycle): at checkpoints, the state is
     * restored into a fresh fake; its document, its views and every read a client makes (done on
     * both, since reads move an OBSERVED lifecycle) are the same.
     */
    @Test
    void aRoundTripIsTheIdentityOverRandomStates() {
        int seeds = Integer.getInteger("stateful.seeds", 1);
        int steps = Integer.getInteger("stateful.steps", 300);
        for (Config config : StatefulRandomTest.CONFIGS) {
            for (long seed = 1; seed <= seeds; seed++) {
                List<Step> sequence = StatefulRandomTest.generate(new Random(seed), steps);
                try (SageMakerWorkforceFake original = fake(config.lifecycle())) {
                    SageMakerClient[] clients = {original.client(), original.client(OTHER_ACCOUNT, "eu-west-1")};
                    for (int i = 0; i < sequence.size(); i++) {
                        Step step = sequence.get(i);
                        StatefulRandomTest.apply(original, clients[step.c() == 2 ? 1 : 0], step);
                        if (i % 20 == 19 || i == sequence.size() - 1) {
                            assertRoundTrip(original, config, "seed " + seed + ", " + config.label() + ", after step "
                                    + i + " " + step);
                        }
                    }
                }
            }
        }
    }

    private static void assertRoundTrip(SageMakerWorkforceFake original, Config config, String where) {
        StateSnapshot before = original.snapshot();
        try (SageMakerWorkforceFake copy = fake(config.lifecycle())) {
            copy.restore(before.toDocument());
            StateSnapshot after = copy.snapshot();
            assertThat(after.toDocument()).as("document, %s", where).isEqualTo(before.toDocument());
            assertThat(after.toMap()).as("views, %s", where).isEqualTo(before.toMap());
            assertThat(copy.now()).isEqualTo(original.now());
            for (String[] pair : new String[][] {{"123456789012", "us-east-1"}, {OTHER_ACCOUNT, "eu-west-1"}}) {
                List<String> copyReads;
                List<String> originalReads;
                try {
                    copyReads = reads(copy.client(pair[0], pair[1]));
                    originalReads = reads(original.client(pair[0], pair[1]));
                } catch (SageMakerException e) {
                    throw new AssertionError("a read in " + pair[0] + "/" + pair[1] + " failed, " + where, e);
                }
                assertThat(copyReads).as("what a client reads in %s/%s, %s", pair[0], pair[1], where)
                        .isEqualTo(originalReads);
            }
            assertThat(copy.snapshot().toDocument()).as("after the same reads, %s", where)
                    .isEqualTo(original.snapshot().toDocument());
        }
    }

    /** Every read a client makes: listings in every order and page size, each Describe, each team's tags. */
    private static List<String> reads(SageMakerClient client) {
        List<String> out = new ArrayList<>();
        for (ListWorkteamsSortByOptions sortBy : ListWorkteamsSortByOptions.knownValues()) {
            for (SortOrder order : SortOrder.knownValues()) {
                String token = null;
                do {
                    String next = token;
                    var page = client.listWorkteams(ListWorkteamsRequest.builder().sortBy(sortBy).sortOrder(order)
                            .maxResults(2).nextToken(next).build());
                    out.add(page.toString());
                    token = page.nextToken();
                } while (token != null);
            }
        }
        var teams = client.listWorkteams(r -> r.maxResults(100)).workteams();
        for (var team : teams) {
            out.add(client.describeWorkteam(r -> r.workteamName(team.workteamName())).toString());
            out.add(client.listTags(r -> r.resourceArn(team.workteamArn())).toString());
            out.add(client.listLabelingJobsForWorkteam(r -> r.workteamArn(team.workteamArn())).toString());
        }
        for (String order : List.of("Ascending", "Descending")) {
            out.add(client.listWorkforces(r -> r.sortOrder(order)).toString());
        }
        for (Workforce wf : client.listWorkforces(r -> r.maxResults(10)).workforces()) {
            out.add(read(() -> client.describeWorkforce(r -> r.workforceName(wf.workforceName()))));
        }
        out.add(client.listSubscribedWorkteams(r -> { }).toString());
        out.addAll(labelingReads(client));
        return out;
    }

    /**
     * Every read of the labeling plane: ListLabelingJobs, ListFlowDefinitions and ListHumanTaskUis
     * in both orders, each Describe and each resource's tags. A task UI's Url carries a fresh random
     * signature on every Describe (docs/labeling.md), so that part of it is left out.
     */
    static List<String> labelingReads(SageMakerClient client) {
        List<String> out = new ArrayList<>();
        for (SortOrder order : SortOrder.knownValues()) {
            out.add(client.listLabelingJobsPaginator(r -> r.sortOrder(order).maxResults(2)).labelingJobSummaryList()
                    .stream().map(Object::toString).toList().toString());
            out.add(client.listFlowDefinitionsPaginator(r -> r.sortOrder(order).maxResults(2))
                    .flowDefinitionSummaries().stream().map(Object::toString).toList().toString());
            out.add(client.listHumanTaskUisPaginator(r -> r.sortOrder(order).maxResults(2))
                    .humanTaskUiSummaries().stream().map(Object::toString).toList().toString());
        }
        for (var job : client.listLabelingJobsPaginator(r -> r.maxResults(100)).labelingJobSummaryList()) {
            out.add(read(() -> client.describeLabelingJob(r -> r.labelingJobName(job.labelingJobName()))));
            out.add(read(() -> client.listTags(r -> r.resourceArn(job.labelingJobArn()))));
        }
        for (var flow : client.listFlowDefinitionsPaginator(r -> r.maxResults(100)).flowDefinitionSummaries()) {
            out.add(read(() -> client.describeFlowDefinition(r -> r.flowDefinitionName(flow.flowDefinitionName()))));
            out.add(read(() -> client.listTags(r -> r.resourceArn(flow.flowDefinitionArn()))));
        }
        for (var ui : client.listHumanTaskUisPaginator(r -> r.maxResults(100)).humanTaskUiSummaries()) {
            out.add(client.describeHumanTaskUi(r -> r.humanTaskUiName(ui.humanTaskUiName())).toString()
                    .replaceAll("X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=..."));
            out.add(read(() -> client.listTags(r -> r.resourceArn(ui.humanTaskUiArn()))));
        }
        return out;
    }

    /**
     * One Describe after a listing: under an OBSERVED lifecycle the listing's reads can end a
     * deletion, so the resource may be gone by then; what the client saw is recorded either way.
     */
    private static String read(java.util.function.Supplier<Object> describe) {
        try {
            return describe.get().toString();
        } catch (SageMakerException e) {
            return "refused " + e.statusCode() + " " + e.awsErrorDetails().errorCode() + ": "
                    + e.awsErrorDetails().errorMessage();
        }
    }

    // ------------------------------------------------------------------------------ named cases

    @Test
    void aRestoreKeepsWhatTheSeedFormLost() {
        try (SageMakerWorkforceFake original = fake(Lifecycle.timed(Duration.ofMinutes(5)))) {
            SageMakerClient home = original.client();
            home.createWorkforce(Requests.oidcWorkforce("oidc-wf"));                 // Initializing, TIMED
            SageMakerClient vpc = original.client(OTHER_ACCOUNT, "us-east-1");
            vpc.createWorkforce(Requests.cognitoWorkforce("vpc-wf").toBuilder()
                    .workforceVpcConfig(v -> v.vpcId("vpc-0123456789abcdef0").securityGroupIds("sg-0123456789abcdef0")
                            .subnets("subnet-0123456789abcdef0")).build());
            original.advanceClock(Duration.ofMinutes(6));                             // both Active, vpce assigned
            SageMakerClient failed = original.client(OTHER_ACCOUNT, "eu-west-1");
            original.addFault(FaultRule.forOperation("CreateWorkforce").once().failProvisioning("No free IP address."));
            failed.createWorkforce(Requests.cognitoWorkforce("failed-wf"));
            SageMakerClient implicit = original.client("111122223333", "us-west-2");
            implicit.createWorkteam(Requests.cognitoTeam("b-team"));                  // implicit workforce "default"
            original.advanceClock(Duration.ofSeconds(1));
            implicit.createWorkteam(Requests.cognitoTeam("a-team"));
            original.advanceClock(Duration.ofMinutes(6));
            SageMakerClient deleting = original.client("444455556666", "us-east-1");
            deleting.createWorkforce(Requests.cognitoWorkforce("going"));
            original.advanceClock(Duration.ofMinutes(6));
            deleting.deleteWorkforce(r -> r.workforceName("going"));                 // Deleting for 5 minutes

            String document = original.snapshot().toDocument();
            assertThat(document).as("the client secret is kept").contains("s3cr3t-value");

            try (SageMakerWorkforceFake copy = fake(Lifecycle.timed(Duration.ofMinutes(5)))) {
                copy.restore(document);
                Workforce oidc = copy.client().describeWorkforce(r -> r.workforceName("oidc-wf")).workforce();
                assertThat(oidc.toString()).isEqualTo(home.describeWorkforce(r -> r.workforceName("oidc-wf"))
                        .workforce().toString());
                assertThat(oidc.oidcConfig().toString()).doesNotContain("s3cr3t");
                assertThat(copy.client(OTHER_ACCOUNT, "us-east-1").describeWorkforce(r -> r.workforceName("vpc-wf"))
                        .workforce().workforceVpcConfig().vpcEndpointId()).isEqualTo(vpc.describeWorkforce(r ->
                        r.workforceName("vpc-wf")).workforce().workforceVpcConfig().vpcEndpointId()).startsWith("vpce-");
                Workforce failedCopy = copy.client(OTHER_ACCOUNT, "eu-west-1")
                        .describeWorkforce(r -> r.workforceName("failed-wf")).workforce();
                assertThat(failedCopy.statusAsString()).isEqualTo("Failed");
                assertThat(failedCopy.failureReason()).isEqualTo("No free IP address.");
                assertThat(copy.client("444455556666", "us-east-1").describeWorkforce(r -> r.workforceName("going"))
                        .workforce().statusAsString()).isEqualTo("Deleting");
                assertThat(copy.client("111122223333", "us-west-2").listWorkteams(r -> { }).workteams())
                        .extracting(t -> t.workteamName()).containsExactly("b-team", "a-team"); // CreateDate order

                // The implicit workforce still goes with its last team; the deletion still completes.
                SageMakerClient implicitCopy = copy.client("111122223333", "us-west-2");
                implicitCopy.deleteWorkteam(r -> r.workteamName("a-team"));
                implicitCopy.deleteWorkteam(r -> r.workteamName("b-team"));
                assertThat(copy.state("111122223333", "us-west-2").workforce()).isEmpty();
                copy.advanceClock(Duration.ofMinutes(6));
                assertThat(copy.state("444455556666", "us-east-1").workforce()).isEmpty();
            }
        }
    }

    @Test
    void aRestoreKeepsTheLabelingPlaneWithItsPendingTransitions() {
        try (SageMakerWorkforceFake original = fake(Lifecycle.timed(Duration.ofMinutes(5)))) {
            SageMakerClient sm = original.client();
            String account = original.defaultAccount();
            String region = original.defaultRegion();
            String crowd = LabelingRequests.PUBLIC_CROWD;
            for (String name : List.of("Done", "broken", "halted", "halting")) {
                sm.createLabelingJob(LabelingRequests.labelingJob(name, crowd));
            }
            String ui = sm.createHumanTaskUi(LabelingRequests.taskUi("review-ui").toBuilder()
                    .tags(t -> t.key("z").value("1"), t -> t.key("a").value("2")).build()).humanTaskUiArn();
            sm.createHumanTaskUi(LabelingRequests.taskUi("plain-ui"));
            sm.createFlowDefinition(LabelingRequests.flow("ready", crowd, ui));
            sm.createFlowDefinition(LabelingRequests.flow("going", crowd, ui));
            original.advanceClock(Duration.ofMinutes(6));                          // jobs InProgress, flows Active
            original.driveLabelingJob(account, region, "Done", LabelingJobAction.addObjects(5));
            original.driveLabelingJob(account, region, "Done", LabelingJobAction.label(2, 1, 0));
            original.driveLabelingJob(account, region, "Done", LabelingJobAction.complete("s3://bucket/out/manifest"));
            original.driveLabelingJob(account, region, "broken", LabelingJobAction.fail("The manifest is gone."));
            sm.stopLabelingJob(r -> r.labelingJobName("halted"));
            original.advanceClock(Duration.ofMinutes(6));                          // halted: Stopped
            sm.stopLabelingJob(r -> r.labelingJobName("halting"));                 // Stopping, 5 minutes
            sm.createLabelingJob(LabelingRequests.labelingJob("starting", crowd).toBuilder()
                    .tags(t -> t.key("team").value("x"), t -> t.key("cost").value("y")).build()); // Initializing
            original.addFault(FaultRule.forOperation("CreateLabelingJob").once().failProvisioning("No capacity."));
            sm.createLabelingJob(LabelingRequests.labelingJob("doomed", crowd));   // Initializing, then Failed
            original.addFault(FaultRule.forOperation("CreateFlowDefinition").once().failProvisioning("No capacity."));
            sm.createFlowDefinition(LabelingRequests.flow("doomed-flow", crowd, ui));
            sm.createFlowDefinition(LabelingRequests.flow("new", crowd, ui));      // Initializing
            sm.deleteFlowDefinition(r -> r.flowDefinitionName("going"));           // Deleting
            original.advanceClock(Duration.ofMinutes(2));

            String document = original.snapshot().toDocument();
            try (SageMakerWorkforceFake copy = fake(Lifecycle.timed(Duration.ofMinutes(5)))) {
                copy.restore(document);
                assertThat(copy.snapshot().toDocument()).isEqualTo(document);
                assertThat(copy.snapshot().toMap()).isEqualTo(original.snapshot().toMap());
                SageMakerClient restored = copy.client();
                assertThat(labelingReads(restored)).isEqualTo(labelingReads(sm));
                assertThat(restored.listLabelingJobs(r -> { }).labelingJobSummaryList())
                        .extracting(j -> j.labelingJobName() + " " + j.labelingJobStatusAsString())
                        .containsExactlyInAnyOrder("Done Completed", "broken Failed", "halted Stopped",
                                "halting Stopping", "starting Initializing", "doomed Initializing");
                assertThat(restored.listFlowDefinitions(r -> { }).flowDefinitionSummaries())
                        .extracting(f -> f.flowDefinitionName() + " " + f.flowDefinitionStatusAsString())
                        .containsExactlyInAnyOrder("ready Active", "going Deleting", "new Initializing",
                                "doomed-flow Initializing");
                var done = restored.describeLabelingJob(r -> r.labelingJobName("Done"));
                assertThat(done.jobReferenceCode()).isEqualTo(sm.describeLabelingJob(r -> r.labelingJobName("Done"))
                        .jobReferenceCode());
                assertThat(done.labelingJobOutput().outputDatasetS3Uri()).isEqualTo("s3://bucket/out/manifest");
                assertThat(done.labelCounters().humanLabeled()).isEqualTo(2);
                assertThat(restored.describeHumanTaskUi(r -> r.humanTaskUiName("review-ui")).uiTemplate()
                        .contentSha256()).isEqualTo(sm.describeHumanTaskUi(r -> r.humanTaskUiName("review-ui"))
                        .uiTemplate().contentSha256());
                // A labeling job's name stays taken, ignoring case.
                assertThatThrownBy(() -> restored.createLabelingJob(LabelingRequests.labelingJob("DONE", crowd)))
                        .isInstanceOf(SageMakerException.class);

                // The pending transitions end as they would have: at the same instant, the same way.
                copy.advanceClock(Duration.ofMinutes(3));
                original.advanceClock(Duration.ofMinutes(3));
                assertThat(copy.snapshot().toDocument()).isEqualTo(original.snapshot().toDocument());
                assertThat(labelingReads(restored)).isEqualTo(labelingReads(sm));
                assertThat(restored.describeLabelingJob(r -> r.labelingJobName("doomed")).failureReason())
                        .isEqualTo("No capacity.");
                assertThat(restored.describeLabelingJob(r -> r.labelingJobName("halting")).labelingJobStatusAsString())
                        .isEqualTo("Stopped");
                assertThat(restored.listFlowDefinitions(r -> { }).flowDefinitionSummaries())
                        .extracting(f -> f.flowDefinitionName() + " " + f.flowDefinitionStatusAsString())
                        .containsExactlyInAnyOrder("ready Active", "new Active", "doomed-flow Failed");
            }
        }
    }

    @Test
    void anObservedTransitionKeepsItsReadsLeft() {
        try (SageMakerWorkforceFake original = fake(Lifecycle.observed(3))) {
            SageMakerClient sm = original.client();
            sm.createLabelingJob(LabelingRequests.labelingJob("job", LabelingRequests.PUBLIC_CROWD));
            sm.describeLabelingJob(r -> r.labelingJobName("job"));                 // one of three reads
            try (SageMakerWorkforceFake copy = fake(Lifecycle.observed(3))) {
                copy.restore(original.snapshot().toDocument());
                List<String> statuses = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    statuses.add(copy.client().describeLabelingJob(r -> r.labelingJobName("job"))
                            .labelingJobStatusAsString());
                }
                assertThat(statuses).containsExactly("Initializing", "Initializing", "InProgress");
            }
        }
    }

    @Test
    void aWrongLabelingMemberIsRefusedByItsPath() {
        try (SageMakerWorkforceFake original = fake(Lifecycle.timed(Duration.ofMinutes(5)))) {
            original.client().createLabelingJob(LabelingRequests.labelingJob("job", LabelingRequests.PUBLIC_CROWD));
            String document = original.snapshot().toDocument();
            try (SageMakerWorkforceFake copy = fake(Lifecycle.timed(Duration.ofMinutes(5)))) {
                assertThatThrownBy(() -> copy.restore(document.replace("\"Initializing\"", "\"Running\"")))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("Regions[0].Labeling.LabelingJobs[0].Status");
                assertThatThrownBy(() -> copy.restore(document.replace("\"Kind\"", "\"Sort\"")))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("Regions[0].Labeling.LabelingJobs[0].Transition.Sort");
                assertThat(copy.snapshot().defaultRegion().labelingJobList()).isEmpty();
            }
        }
    }

    @Test
    void aLoneSurrogateIsWrittenAsAnEscapeAndReadBack() throws CharacterCodingException {
        try (SageMakerWorkforceFake original = fake(Lifecycle.immediate())) {
            original.client().createWorkteam(Requests.cognitoTeam("odd").toBuilder().description("x \ud800").build());
            String document = original.snapshot().toDocument();
            // Strict UTF-8, as a file write: without the escape this throws (a lone surrogate has no UTF-8 form).
            StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(document));
            assertThat(document).contains("x \\ud800");
            try (SageMakerWorkforceFake copy = fake(Lifecycle.immediate())) {
                copy.restore(new String(document.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
                assertThat(copy.client().describeWorkteam(r -> r.workteamName("odd")).workteam().description())
                        .isEqualTo("x \ud800");
            }
        }
    }

    @Test
    void aVersion1FileStillLoadsThroughTheSeedRules() {
        String version1 = "{\"StateFileVersion\":1,\"Regions\":[{\"Account\":\"123456789012\",\"Region\":\"us-east-1\","
                + "\"Workteams\":[{\"WorkteamName\":\"kept\",\"Description\":\"d\",\"MemberDefinitions\":[{"
                + "\"CognitoMemberDefinition\":{\"UserPool\":\"us-east-1_AbC123\",\"ClientId\":\"app\","
                + "\"UserGroup\":\"g\"}}],\"Tags\":[{\"Key\":\"env\",\"Value\":\"dev\"}]}]}]}";
        try (SageMakerWorkforceFake fake = fake(Lifecycle.immediate())) {
            fake.restore(version1);
            assertThat(fake.state().workteamNames()).containsExactly("kept");
            assertThat(fake.state().workteam("kept").orElseThrow().tags()).containsEntry("env", "dev");
            assertThat(fake.snapshot().toDocument()).startsWith("{\"StateFileVersion\":2,");
        }
    }

    @Test
    void aDocumentWithAMistakeChangesNothingAndNamesTheMember() {
        try (SageMakerWorkforceFake fake = fake(Lifecycle.immediate())) {
            fake.client().createWorkteam(Requests.cognitoTeam("stays"));
            String document = fake.snapshot().toDocument();
            assertThatThrownBy(() -> fake.restore(document.replace("\"CreateDate\":\"2026", "\"CreateDate\":\"20x6")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Regions[0].Workforce.CreateDate must be an ISO-8601 instant");
            assertThatThrownBy(() -> fake.restore(document.replace("\"Implicit\"", "\"Implicitly\"")))
                    .hasMessageContaining("Workforce.Implicitly is not a member here");
            assertThatThrownBy(() -> fake.restore(document.replace("\"StateFileVersion\":2", "\"StateFileVersion\":3")))
                    .hasMessageContaining("written by a newer SageMaker Workforce Fake");
            assertThat(fake.snapshot().toDocument()).isEqualTo(document);
        }
    }

    @Test
    void aScopedSnapshotReplacesOnlyItsAccountAndRegion() {
        try (SageMakerWorkforceFake fake = fake(Lifecycle.immediate())) {
            fake.client().createWorkteam(Requests.cognitoTeam("home"));
            fake.client(OTHER_ACCOUNT, "eu-west-1").createWorkteam(Requests.cognitoTeam("away"));
            String home = io.github.sagemakerfake.internal.transport.EndpointAccess.of(fake).snapshotDocument("123456789012", "us-east-1");
            assertThat(home).contains("\"Scope\"").contains("home").doesNotContain("away");
            fake.client().deleteWorkteam(r -> r.workteamName("home"));
            fake.client(OTHER_ACCOUNT, "eu-west-1").createWorkteam(Requests.cognitoTeam("later"));
            fake.restore(home);
            assertThat(fake.state().workteamNames()).containsExactly("home");
            assertThat(fake.state(OTHER_ACCOUNT, "eu-west-1").workteamNames()).containsExactly("away", "later");
        }
    }

    @Test
    void restoreNeverMovesTheClockBack() {
        try (SageMakerWorkforceFake fake = fake(Lifecycle.immediate())) {
            String early = fake.snapshot().toDocument();
            fake.advanceClock(Duration.ofHours(1));
            fake.restore(early);
            assertThat(fake.now()).isEqualTo(START.plus(Duration.ofHours(1)));
        }
    }

    // ------------------------------------------------------------------------------ repeatable ids

    private static List<String> ids(long seed) {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder().idSeed(seed).lifecycle(Lifecycle.immediate())
                .clock(FakeClock.startingAt(START)).build()) {
            return idsOf(fake);
        }
    }

    private static List<String> idsOf(SageMakerWorkforceFake fake) {
        List<String> ids = new ArrayList<>();
        SageMakerClient client = fake.client(OTHER_ACCOUNT, "eu-west-1");
        var response = client.createWorkforce(Requests.cognitoWorkforce("wf").toBuilder()
                .workforceVpcConfig(v -> v.vpcId("vpc-0123456789abcdef0").securityGroupIds("sg-0123456789abcdef0")
                        .subnets("subnet-0123456789abcdef0")).build());
        ids.add(response.responseMetadata().requestId());
        Workforce wf = client.describeWorkforce(r -> r.workforceName("wf")).workforce();
        ids.add(wf.subDomain());
        ids.add(wf.workforceVpcConfig().vpcEndpointId());
        ids.add(fake.client().createWorkteam(Requests.cognitoTeam("t")).responseMetadata().requestId());
        ids.add(fake.state().workforce().orElseThrow().subDomain());
        try {
            client.describeWorkteam(r -> r.workteamName("missing"));
        } catch (SageMakerException e) {
            ids.add(e.requestId());
        }
        SageMakerClient home = fake.client();
        home.createLabelingJob(LabelingRequests.labelingJob("job", LabelingRequests.PUBLIC_CROWD));
        ids.add(home.describeLabelingJob(r -> r.labelingJobName("job")).jobReferenceCode());
        home.createHumanTaskUi(LabelingRequests.taskUi("ui"));
        ids.add(home.describeHumanTaskUi(r -> r.humanTaskUiName("ui")).uiTemplate().url());
        return ids;
    }

    @Test
    void anIdSeedGivesTheSameIdsOnEveryRun() {
        List<String> first = ids(42);
        assertThat(first).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(first.get(1)).matches("[a-z0-9]{10}\\.labeling\\.eu-west-1\\.sagemaker\\.aws");
        assertThat(first.get(2)).matches("vpce-[0-9a-f]{17}");
        assertThat(first.get(0)).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(first.get(6)).matches("123456789012[A-Za-z0-9]{16}");
        assertThat(first.get(7)).matches(".*/ui/template\\.liquid\\?.*&X-Amz-Signature=[0-9a-f]{64}");
        assertThat(ids(42)).isEqualTo(first);
        assertThat(ids(43)).doesNotContainAnyElementsOf(first);
        try (SageMakerWorkforceFake unseeded = SageMakerWorkforceFake.builder().lifecycle(Lifecycle.immediate()).build();
             SageMakerWorkforceFake again = SageMakerWorkforceFake.builder().lifecycle(Lifecycle.immediate()).build()) {
            assertThat(idsOf(unseeded)).doesNotContainAnyElementsOf(idsOf(again));
        }
    }

    @Test
    void aRestoredSeededFakeContinuesTheIdSequence() {
        try (SageMakerWorkforceFake straight = SageMakerWorkforceFake.builder().idSeed(7).clock(FakeClock.startingAt(START))
                .lifecycle(Lifecycle.immediate()).build();
             SageMakerWorkforceFake first = SageMakerWorkforceFake.builder().idSeed(7).clock(FakeClock.startingAt(START))
                     .lifecycle(Lifecycle.immediate()).build();
             SageMakerWorkforceFake second = SageMakerWorkforceFake.builder().idSeed(7).clock(FakeClock.startingAt(START))
                     .lifecycle(Lifecycle.immediate()).build()) {
            straight.client().createWorkteam(Requests.cognitoTeam("a"));
            straight.client(OTHER_ACCOUNT, "us-east-1").createWorkteam(Requests.cognitoTeam("b"));
            first.client().createWorkteam(Requests.cognitoTeam("a"));
            second.restore(first.snapshot().toDocument()); // a restart in the middle
            second.client(OTHER_ACCOUNT, "us-east-1").createWorkteam(Requests.cognitoTeam("b"));
            assertThat(second.state(OTHER_ACCOUNT, "us-east-1").workforce().orElseThrow().subDomain())
                    .isEqualTo(straight.state(OTHER_ACCOUNT, "us-east-1").workforce().orElseThrow().subDomain())
                    .isNotEqualTo(second.state().workforce().orElseThrow().subDomain());
        }
    }

    @Test
    void aSnapshotFromTheDocumentAloneShowsTheSameViews() {
        try (SageMakerWorkforceFake fake = fake(Lifecycle.observed(2))) {
            fake.client().createWorkforce(Requests.oidcWorkforce("wf"));
            fake.client().createWorkteam(Requests.oidcTeam("t", "g"));
            StateSnapshot snapshot = fake.snapshot();
            StateSnapshot read = StateSnapshot.fromDocument(snapshot.toDocument());
            assertThat(read.toMap()).isEqualTo(snapshot.toMap());
            assertThat(read.toDocument()).isEqualTo(snapshot.toDocument());
        }
    }
}
