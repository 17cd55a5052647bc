package io.github.sagemakerfake.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.control.JournalEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.Workforce;
import software.amazon.awssdk.services.sagemaker.model.WorkforceStatus;

@RequiresDocker
@Testcontainers
class SageMakerWorkforceContainerTest {

    /** One container for the class: a static field, started once. */
    @Container
    static final SageMakerWorkforceContainer SAGEMAKER = new SageMakerWorkforceContainer().withMaxWorkteams(3);

    /** A second, per-test container: an instance field, started for each test. */
    @Container
    final SageMakerWorkforceContainer isolated = new SageMakerWorkforceContainer()
            .withRegion("eu-west-1").withAccount("111122223333").withLifecycle(Lifecycle.timed(Duration.ofMinutes(2)));

    private final FakeControl control = SAGEMAKER.control();

    @BeforeEach
    void reset() {
        control.reset();
    }

    static CreateWorkteamRequest team(String name) {
        return CreateWorkteamRequest.builder().workteamName(name).description("Team " + name)
                .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c.userPool("us-east-1_Pool1")
                        .clientId("client").userGroup(name))).build();
    }

    @Test
    void theJavaSdkDrivesTheContainerAndTheLimitHolds() {
        try (SageMakerClient client = SAGEMAKER.client()) {
            for (String name : List.of("a", "b", "c")) {
                client.createWorkteam(team(name));
            }
            assertThatThrownBy(() -> client.createWorkteam(team("d")))
                    .isInstanceOf(ResourceLimitExceededException.class)
                    .hasMessageContaining("more than 3 work teams");
            String arn = client.describeWorkteam(r -> r.workteamName("a")).workteam().workteamArn();
            assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/a");
            client.addTags(r -> r.resourceArn(arn).tags(Tag.builder().key("env").value("it").build()));
            assertThat(control.state().workteam("a").orElseThrow().tags()).containsEntry("env", "it");
            assertThatThrownBy(() -> client.describeWorkteam(r -> r.workteamName("zz")))
                    .isExactlyInstanceOf(SageMakerException.class).hasMessageContaining("The work team zz");
        }
    }

    @Test
    void theAsyncSdkClientWorksOverTheWire() {
        try (SageMakerAsyncClient client = SAGEMAKER.asyncClient()) {
            client.createWorkteam(team("async")).join();
            assertThat(client.listWorkteams().join().workteams()).singleElement()
                    .satisfies(t -> assertThat(t.workteamName()).isEqualTo("async"));
        }
    }

    @Test
    void resetSnapshotJournalAndFaultsThroughTheControlClient() {
        try (SageMakerClient client = SAGEMAKER.client()) {
            client.createWorkteam(team("journaled"));
            assertThat(control.journal()).extracting(JournalEntry::operation).containsExactly("CreateWorkteam");
            assertThat(control.snapshot().regions()).singleElement()
                    .satisfies(r -> assertThat(r.workteamNames()).containsExactly("journaled"));

            control.addFault(FaultRule.forOperation("ListWorkteams").once().error("ResourceLimitExceeded", 400, "injected"));
            assertThatThrownBy(client::listWorkteams).isInstanceOf(ResourceLimitExceededException.class)
                    .hasMessageContaining("injected");

            control.reset();
            assertThat(control.state().workteams()).isEmpty();
            assertThat(control.journal()).isEmpty();
            assertThat(control.faults()).isEmpty();
        }
    }

    @Test
    void twoContainersAreIsolatedAndSettingsTakeEffect() {
        try (SageMakerClient shared = SAGEMAKER.client(); SageMakerClient other = isolated.client()) {
            shared.createWorkteam(team("only-in-shared"));
            String arn = other.createWorkforce(r -> r.workforceName("eu-crowd")
                    .cognitoConfig(c -> c.userPool("eu-west-1_Pool1").clientId("client"))).workforceArn();

            assertThat(arn).isEqualTo("arn:aws:sagemaker:eu-west-1:111122223333:workforce/eu-crowd");
            assertThat(other.describeWorkforce(r -> r.workforceName("eu-crowd")).workforce().status())
                    .isEqualTo(WorkforceStatus.INITIALIZING);
            isolated.control().advanceClock(Duration.ofMinutes(2));
            assertThat(other.describeWorkforce(r -> r.workforceName("eu-crowd")).workforce().status())
                    .isEqualTo(WorkforceStatus.ACTIVE);
            assertThat(other.listWorkteams().workteams()).isEmpty();
            assertThat(control.state().workforce().orElseThrow().name()).isEqualTo("default");
            assertThat(isolated.getLifecycle()).isEqualTo(Lifecycle.parse("TIMED(PT2M)"));
            assertThat(SAGEMAKER.getLifecycle()).isEqualTo(Lifecycle.observed(1));
            assertThat(isolated.getRegion()).isEqualTo("eu-west-1");
            assertThat(isolated.getAccessKey()).isEqualTo("111122223333");
        }
    }

    @Test
    void theDefaultLifecycleShowsEachTransitionToOneReadAndAFaultRuleCanFailProvisioning() {
        try (SageMakerClient client = SAGEMAKER.client()) {
            control.addFault(FaultRule.forOperation("UpdateWorkforce").once().failProvisioning("No capacity."));
            client.createWorkforce(r -> r.workforceName("crowd")
                    .cognitoConfig(c -> c.userPool("us-east-1_Pool1").clientId("client")));
            assertThat(client.describeWorkforce(r -> r.workforceName("crowd")).workforce().status())
                    .isEqualTo(WorkforceStatus.INITIALIZING);
            assertThat(client.describeWorkforce(r -> r.workforceName("crowd")).workforce().status())
                    .isEqualTo(WorkforceStatus.ACTIVE);

            client.updateWorkforce(r -> r.workforceName("crowd").sourceIpConfig(ip -> ip.cidrs("10.0.0.0/8")));
            assertThat(client.describeWorkforce(r -> r.workforceName("crowd")).workforce().status())
                    .isEqualTo(WorkforceStatus.UPDATING);
            Workforce failed = client.describeWorkforce(r -> r.workforceName("crowd")).workforce();
            assertThat(failed.status()).isEqualTo(WorkforceStatus.FAILED);
            assertThat(failed.failureReason()).isEqualTo("No capacity.");
        }
    }

    @Test
    void boto3AndTheAwsCliTalkToTheContainer() throws Exception {
        try (SageMakerClient client = SAGEMAKER.client()) {
            client.createWorkteam(team("from-java"));
        }
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", SAGEMAKER.getAccessKey(),
                "AWS_SECRET_ACCESS_KEY", SAGEMAKER.getSecretKey(), "AWS_DEFAULT_REGION", SAGEMAKER.getRegion(),
                "AWS_EC2_METADATA_DISABLED", "true");
        String boto = run(env, "python3", "-c", String.join("\n",
                "import boto3, sys",
                "c = boto3.client('sagemaker', endpoint_url=sys.argv[1])",
                "c.create_workteam(WorkteamName='from-boto3', Description='d', MemberDefinitions=[{'CognitoMemberDefinition':"
                        + " {'UserPool': 'us-east-1_Pool1', 'ClientId': 'client', 'UserGroup': 'g'}}])",
                "print(sorted(t['WorkteamName'] for t in c.list_workteams()['Workteams']))",
                "try:",
                "    c.describe_workteam(WorkteamName='nope')",
                "except c.exceptions.ClientError as e:",
                "    print(e.response['Error']['Code'])"), SAGEMAKER.getEndpoint().toString());
        assertThat(boto).contains("['from-boto3', 'from-java']").contains("ValidationException");

        String cli = run(env, "aws", "--endpoint-url", SAGEMAKER.getEndpoint().toString(), "sagemaker",
                "describe-workteam", "--workteam-name", "from-boto3", "--output", "json");
        assertThat(cli).contains("\"WorkteamArn\": \"arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/from-boto3\"");
    }

    @Test
    void inStrictModeTheClientAndTheControlSignAndUnsignedAdminCallsAreRefused() throws Exception {
        try (SageMakerWorkforceContainer strict = new SageMakerWorkforceContainer().withStrictAuth()) {
            strict.start();
            try (SageMakerClient client = strict.client()) {
                client.createWorkteam(team("signed"));
            }
            assertThat(strict.control().state().workteamNames()).containsExactly("signed");
            java.net.http.HttpResponse<String> unsigned = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(strict.getEndpoint().resolve("/_fake/reset"))
                            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).isEqualTo(403);
            assertThat(unsigned.body()).contains("MissingAuthenticationToken");
            assertThat(strict.control().state().workteamNames()).as("the unsigned reset did nothing")
                    .containsExactly("signed");
        }
    }

    /**
     * Start-to-ready as a user's test sees it: from {@code new SageMakerWorkforceContainer()} until
     * {@code start()} returns (the image is built once per JVM, by then already), several times.
     * A measurement, not an assertion: docs/benchmarks.md records the figures.
     */
    @Test
    void startToReadyTimeAndImageSize() {
        List<Long> millis = new java.util.ArrayList<>();
        Long size = null;
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            try (SageMakerWorkforceContainer fresh = new SageMakerWorkforceContainer()) {
                fresh.start();
                millis.add((System.nanoTime() - started) / 1_000_000);
                size = DockerClientFactory.instance().client().inspectImageCmd(fresh.getDockerImageName()).exec().getSize();
                try (SageMakerClient client = fresh.client()) {
                    assertThat(client.listWorkteams().workteams()).isEmpty();
                }
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("container start-to-ready (new + start(), ms, sorted): %s; median %d ms; image size: %.1f MB%n",
                sorted, sorted.get(sorted.size() / 2), size / 1e6);
        assertThat(size).isPositive();
    }

    private static String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        int code = p.waitFor();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as("exit code of %s, output:%n%s", String.join(" ", command), text).isZero();
        return text;
    }
}
