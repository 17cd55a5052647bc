package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.admin.RemoteFakeControl;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.LabelingJobAction;
import io.github.sagemakerfake.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.ListWorkteamsSortByOptions;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;
import software.amazon.awssdk.services.sagemaker.model.Workforce;

/**
 * The state file across real restarts of the server process (docs/server.md, "The state file"):
 * a graceful restart changes nothing a client reads; kill -9 during writes always reloads; a
 * second server on the same file refuses to start; an OutOfMemoryError does not stop the saver.
 */
class StateFileRestartTest {

    private static final Pattern LISTENING =
            Pattern.compile("SageMaker Workforce Fake listening on (http://127\\.0\\.0\\.1:(\\d+))");

    private final ServerProcesses subprocesses = new ServerProcesses();

    @AfterEach
    void killLeftovers() {
        subprocesses.close();
    }

    // ------------------------------------------------------------------------------ the cases

    @Test
    void aGracefulRestartChangesNothingAClientReads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Process first = start(file, "--lifecycle", "TIMED(PT1H)");
        URI endpoint = endpoint(first);
        RemoteFakeControl control = RemoteFakeControl.connect(endpoint);

        // A VPC workforce that became Active (its VpcEndpointId assigned), with teams made at different times.
        SageMakerClient vpc = client(endpoint, "210987654321", "us-east-1");
        vpc.createWorkforce(r -> r.workforceName("vpc-wf")
                .cognitoConfig(c -> c.userPool("us-east-1_AbC123").clientId("app"))
                .sourceIpConfig(s -> s.cidrs("10.0.0.0/16"))
                .workforceVpcConfig(v -> v.vpcId("vpc-0123456789abcdef0").securityGroupIds("sg-0123456789abcdef0")
                        .subnets("subnet-0123456789abcdef0")));
        // A workforce whose provisioning failed (once the hour is over).
        control.addFault(FaultRule.forOperation("CreateWorkforce").once().failProvisioning("No free IP address."));
        client(endpoint, "210987654321", "eu-west-1").createWorkforce(r -> r.workforceName("failed-wf")
                .cognitoConfig(c -> c.userPool("eu-west-1_AbC123").clientId("app")));
        control.advanceClock(Duration.ofHours(1).plusMillis(1));
        for (String name : List.of("zeta", "alpha", "mid")) {
            vpc.createWorkteam(r -> r.workteamName(name).description("team " + name)
                    .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c.userPool("us-east-1_AbC123")
                            .clientId("app").userGroup(name)))
                    .tags(t -> t.key("z").value("1"), t -> t.key("a").value("2")));
            control.advanceClock(Duration.ofSeconds(3));
        }
        vpc.updateWorkteam(r -> r.workteamName("alpha").description("updated later"));
        // An OIDC workforce still Initializing (its client secret kept, never shown).
        client(endpoint, "123456789012", "us-east-1").createWorkforce(r -> r.workforceName("oidc-wf")
                .oidcConfig(o -> o.clientId("c").clientSecret("kept-secret").issuer("https://idp.example.com")
                        .authorizationEndpoint("https://idp.example.com/a").tokenEndpoint("https://idp.example.com/t")
                        .userInfoEndpoint("https://idp.example.com/u").logoutEndpoint("https://idp.example.com/l")
                        .jwksUri("https://idp.example.com/j")));
        // An implicit workforce, made by the first team.
        SageMakerClient implicit = client(endpoint, "111122223333", "us-west-2");
        implicit.createWorkteam(r -> r.workteamName("first").description("d")
                .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c.userPool("us-west-2_AbC123")
                        .clientId("app").userGroup("g"))));
        // A workforce being deleted.
        control.seed("{\"Account\":\"444455556666\",\"Region\":\"us-east-1\",\"Workforce\":{\"WorkforceName\":\"going\","
                + "\"CognitoConfig\":{\"UserPool\":\"us-east-1_AbC123\",\"ClientId\":\"app\"}},"
                + "\"SubscribedWorkteams\":[{\"WorkteamArn\":\"arn:aws:sagemaker:us-east-1:999999999999:workteam/"
                + "vendor-crowd/v\",\"MarketplaceTitle\":\"Vendor\"}]}");
        client(endpoint, "444455556666", "us-east-1").deleteWorkforce(r -> r.workforceName("going"));

        // The labeling plane (docs/labeling.md): jobs in each status, task UIs, flow definitions.
        SageMakerClient home = client(endpoint, "123456789012", "us-east-1");
        String crowd = "arn:aws:sagemaker:us-east-1:394669845002:workteam/public-crowd/default";
        for (String name : List.of("Done", "broken", "halting")) {
            home.createLabelingJob(labelingJob(name, crowd));
        }
        String ui = home.createHumanTaskUi(r -> r.humanTaskUiName("review-ui")
                .uiTemplate(t -> t.content("<crowd-form><crowd-input name=\"x\"/></crowd-form>"))
                .tags(t -> t.key("z").value("1"), t -> t.key("a").value("2"))).humanTaskUiArn();
        for (String name : List.of("ready", "going")) {
            home.createFlowDefinition(r -> r.flowDefinitionName(name).roleArn(ROLE)
                    .outputConfig(o -> o.s3OutputPath("s3://bucket/a2i/"))
                    .humanLoopConfig(h -> h.workteamArn(crowd).humanTaskUiArn(ui).taskTitle("Review")
                            .taskDescription("Review it").taskCount(1)));
        }
        control.advanceClock(Duration.ofHours(1).plusMillis(1));
        control.driveLabelingJob("123456789012", "us-east-1", "Done", LabelingJobAction.addObjects(4));
        control.driveLabelingJob("123456789012", "us-east-1", "Done", LabelingJobAction.label(3, 1, 0));
        control.driveLabelingJob("123456789012", "us-east-1", "Done", LabelingJobAction.complete("s3://bucket/o.manifest"));
        control.driveLabelingJob("123456789012", "us-east-1", "broken", LabelingJobAction.fail("The manifest is gone."));
        home.stopLabelingJob(r -> r.labelingJobName("halting"));                  // Stopping for an hour
        home.createLabelingJob(labelingJob("starting", crowd).toBuilder()
                .tags(t -> t.key("b").value("1"), t -> t.key("a").value("2")).build()); // Initializing
        home.deleteFlowDefinition(r -> r.flowDefinitionName("going"));            // Deleting

        Map<String, List<String>> before = everythingAClientReads(endpoint);
        assertThat(before.toString()).contains("Completed", "Stopping", "Initializing", "review-ui", "going");
        Map<String, Object> snapshotBefore = withoutNow(admin(endpoint, "/_fake/snapshot"));
        assertThat(Json.write(snapshotBefore)).contains("kept-secret");
        assertThat(before.toString()).doesNotContain("kept-secret").contains("Initializing", "Failed", "Deleting",
                "vpce-");
        stopGracefully(first);
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");

        Process second = start(file, "--lifecycle", "TIMED(PT1H)");
        URI again = endpoint(second);
        assertThat(everythingAClientReads(again)).isEqualTo(before);
        assertThat(withoutNow(admin(again, "/_fake/snapshot"))).isEqualTo(snapshotBefore);

        // The implicit workforce still goes with its last team after the restart.
        client(again, "111122223333", "us-west-2").deleteWorkteam(r -> r.workteamName("first"));
        assertThat(RemoteFakeControl.connect(again).state("111122223333", "us-west-2").workforce()).isEmpty();
        stopGracefully(second);
    }

    @Test
    void aSecondServerOnTheSameFileRefusesToStartNamingThePid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Process first = start(file);
        endpoint(first);
        Process second = start(file);
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(1);
        assertThat(new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("Another SageMaker Workforce Fake (pid " + first.pid() + ") is using the state file");
        stopGracefully(first);
        Process third = start(file); // the lock went with the first server
        endpoint(third);
        stopGracefully(third);
    }

    @Test
    void killDashNineDuringWritesAlwaysReloads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Random random = new Random(22);
        int rounds = Integer.getInteger("statefile.killRounds", 4);
        for (int round = 0; round < rounds; round++) {
            Process server = start(file);
            URI endpoint = endpoint(server);
            AtomicBoolean stop = new AtomicBoolean();
            int base = round * 1000;
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (SageMakerClient client = client(endpoint, "123456789012", "us-east-1")) {
                    for (int i = 0; !stop.get(); i++) {
                        String name = "t-" + (base + i);
                        client.createWorkteam(r -> r.workteamName(name).description("d")
                                .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123")));
                        if (i % 3 == 2) {
                            client.deleteWorkteam(r -> r.workteamName(name));
                        }
                        if (i % 20 == 19) {
                            TestClients.send(endpoint, "POST", "/_fake/reset", Map.of(), "");
                        }
                    }
                } catch (RuntimeException killed) {
                    // the server went away mid-burst
                }
            });
            Thread.sleep(300 + random.nextInt(900)); // when to pull the plug; no assertion on time
            server.destroyForcibly(); // SIGKILL: no shutdown hook, no last save
            server.waitFor(60, TimeUnit.SECONDS);
            stop.set(true);
            writer.get(60, TimeUnit.SECONDS);
        }
        Process last = start(file);
        URI endpoint = endpoint(last); // it loads: the file is always a whole document
        assertThat(dir).as("a kill mid-write may leave a temporary file; the next start removes it")
                .isDirectoryNotContaining("glob:**.tmp");
        assertThat(RemoteFakeControl.connect(endpoint).state().workteams()).hasSizeLessThanOrEqualTo(25);
        stopGracefully(last);
    }

    @Test
    void anOutOfMemoryErrorDoesNotStopTheSaver(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Path testClasses = Path.of(System.getProperty("basedir", ".")).resolve("target/test-classes");
        Process p = subprocesses.java(List.of("-Xmx48m", "-XX:+UseSerialGC"), SaverUnderMemoryPressureMain.class.getName(),
                ServerProcesses.classPath() + java.io.File.pathSeparator + testClasses, file.toString());
        String first = subprocesses.firstLine(p);
        assertThat(first).startsWith("DEGRADED").contains("OutOfMemoryError");
        assertThat(subprocesses.firstLine(p)).isEqualTo("RECOVERED");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    // ------------------------------------------------------------------------------ what a client reads

    private static Map<String, List<String>> everythingAClientReads(URI endpoint) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        String[][] pairs = {{"123456789012", "us-east-1"}, {"210987654321", "us-east-1"}, {"210987654321", "eu-west-1"},
                {"111122223333", "us-west-2"}, {"444455556666", "us-east-1"}};
        for (String[] pair : pairs) {
            List<String> reads = new ArrayList<>();
            try (SageMakerClient client = client(endpoint, pair[0], pair[1])) {
                for (ListWorkteamsSortByOptions sortBy : ListWorkteamsSortByOptions.knownValues()) {
                    for (SortOrder order : SortOrder.knownValues()) {
                        reads.add(client.listWorkteams(r -> r.sortBy(sortBy).sortOrder(order)).toString());
                    }
                }
                for (var team : client.listWorkteams(r -> { }).workteams()) {
                    reads.add(client.describeWorkteam(r -> r.workteamName(team.workteamName())).toString());
                    reads.add(client.listTags(r -> r.resourceArn(team.workteamArn())).toString());
                    reads.add(client.listLabelingJobsForWorkteam(r -> r.workteamArn(team.workteamArn())).toString());
                }
                for (String order : List.of("Ascending", "Descending")) {
                    reads.add(client.listWorkforces(r -> r.sortOrder(order)).toString());
                }
                for (Workforce wf : client.listWorkforces(r -> { }).workforces()) {
                    reads.add(client.describeWorkforce(r -> r.workforceName(wf.workforceName())).toString());
                }
                reads.add(client.listSubscribedWorkteams(r -> { }).toString());
                reads.add(client.listLabelingJobs(r -> { }).toString());
                for (var job : client.listLabelingJobs(r -> { }).labelingJobSummaryList()) {
                    reads.add(client.describeLabelingJob(r -> r.labelingJobName(job.labelingJobName())).toString());
                    reads.add(client.listTags(r -> r.resourceArn(job.labelingJobArn())).toString());
                }
                reads.add(client.listFlowDefinitions(r -> { }).toString());
                for (var flow : client.listFlowDefinitions(r -> { }).flowDefinitionSummaries()) {
                    reads.add(client.describeFlowDefinition(r -> r.flowDefinitionName(flow.flowDefinitionName()))
                            .toString());
                }
                reads.add(client.listHumanTaskUis(r -> { }).toString());
                for (var ui : client.listHumanTaskUis(r -> { }).humanTaskUiSummaries()) {
                    // The Url is signed afresh on each Describe, at the time of the read (docs/labeling.md).
                    reads.add(client.describeHumanTaskUi(r -> r.humanTaskUiName(ui.humanTaskUiName())).toString()
                            .replaceAll("X-Amz-Date=[0-9TZ]+", "").replaceAll("X-Amz-Signature=[0-9a-f]+", ""));
                    reads.add(client.listTags(r -> r.resourceArn(ui.humanTaskUiArn())).toString());
                }
            }
            reads.add(TestClients.send(endpoint, "GET", "/_fake/state?account=" + pair[0] + "&region=" + pair[1],
                    Map.of(), null).body());
            all.put(pair[0] + "/" + pair[1], reads);
        }
        all.put("state", List.of(TestClients.send(endpoint, "GET", "/_fake/state", Map.of(), null).body()));
        return all;
    }

    private static final String ROLE = "arn:aws:iam::123456789012:role/GroundTruth";

    private static CreateLabelingJobRequest labelingJob(String name, String workteamArn) {
        return CreateLabelingJobRequest.builder().labelingJobName(name).labelAttributeName("label")
                .inputConfig(i -> i.dataSource(d -> d.s3DataSource(s -> s.manifestS3Uri("s3://bucket/in.manifest"))))
                .outputConfig(o -> o.s3OutputPath("s3://bucket/out/")).roleArn(ROLE)
                .humanTaskConfig(h -> h.workteamArn(workteamArn)
                        .uiConfig(u -> u.uiTemplateS3Uri("s3://bucket/template.liquid"))
                        .preHumanTaskLambdaArn("arn:aws:lambda:us-east-1:432418664414:function:PRE-TextMultiClass")
                        .annotationConsolidationConfig(a -> a.annotationConsolidationLambdaArn(
                                "arn:aws:lambda:us-east-1:432418664414:function:ACS-TextMultiClass"))
                        .taskTitle("Classify").taskDescription("Pick a class")
                        .numberOfHumanWorkersPerDataObject(1).taskTimeLimitInSeconds(300))
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> admin(URI endpoint, String path) {
        return (Map<String, Object>) Json.parse(TestClients.send(endpoint, "GET", path, Map.of(), null).body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutNow(Map<String, Object> document) {
        Map<String, Object> copy = Json.copy(document);
        ((Map<String, Object>) copy.get("Clock")).remove("Now");
        return copy;
    }

    private static SageMakerClient client(URI endpoint, String account, String region) {
        return SageMakerClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "fake")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    // ------------------------------------------------------------------------------ processes

    private Process start(Path file, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--state-file", file.toString()));
        args.addAll(List.of(more));
        return subprocesses.java(List.of(), ServerMain.class.getName(), ServerProcesses.classPath(), args.toArray(String[]::new));
    }

    private URI endpoint(Process p) throws Exception {
        String line = subprocesses.firstLine(p);
        Matcher m = LISTENING.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        return URI.create(m.group(1));
    }

    private static void stopGracefully(Process p) throws InterruptedException {
        p.toHandle().destroy(); // SIGTERM: the shutdown hook saves a last time
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

}
