package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Clients other than an SDK client built with an endpoint override: boto3 and the AWS CLI as
 * subprocesses, and the SDK's service-specific endpoint setting. The Python tests are skipped
 * where python3 with boto3, or the aws command, is not installed.
 */
class ClientCompatibilityTest {

    private static final String ARN = "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/labelers";
    private static final String COGNITO = "[{\"CognitoMemberDefinition\":{\"UserPool\":\"us-east-1_abc123\","
            + "\"ClientId\":\"client1\",\"UserGroup\":\"g\"}}]";

    private FakeControl fake;
    private SageMakerWorkforceServer server;

    @BeforeEach
    void start() {
        server = SageMakerWorkforceServer.start(FakeSettings.defaults());
        fake = server.control();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // ------------------------------------------------------------------ boto3

    @Test
    @SuppressWarnings("unchecked")
    void boto3CallsEveryOperationAndGetsTheServicesErrorCodes() throws Exception {
        requireClient(run(List.of("python3", "-c", "import boto3"), Map.of()).exit() == 0, "python3 with boto3");
        Result result = run(List.of("python3", script(), server.endpoint().toString()), awsEnv("x"));
        assertThat(result.exit()).as(result.stderr()).isZero();
        Map<String, Object> steps = (Map<String, Object>) TestJson.parse(result.stdout());

        assertThat(error(steps, "DescribeWorkforce missing")).containsEntry("Code", "ValidationException")
                .containsEntry("Status", num(400));
        assertThat(ok(steps, "CreateWorkforce")).containsEntry("WorkforceArn",
                "arn:aws:sagemaker:us-east-1:123456789012:workforce/main");
        assertThat((String) error(steps, "CreateWorkforce second").get("Message"))
                .startsWith("Cannot create more than one workforce for account 123456789012");
        Map<String, Object> workforce = (Map<String, Object>) ok(steps, "DescribeWorkforce").get("Workforce");
        assertThat(workforce).containsEntry("Status", "Initializing").containsKey("CreateDate"); // OBSERVED(1)
        assertThat((String) workforce.get("SubDomain")).matches("[a-z0-9]{10}\\.labeling\\.us-east-1\\.sagemaker\\.aws");
        assertThat(((Map<String, Object>) ((Map<String, Object>) ok(steps, "UpdateWorkforce").get("Workforce"))
                .get("SourceIpConfig")).get("Cidrs")).isEqualTo(List.of("10.0.0.0/16"));
        assertThat((List<?>) ok(steps, "ListWorkforces").get("Workforces")).hasSize(1);
        assertThat(ok(steps, "CreateWorkteam")).containsEntry("WorkteamArn", ARN);
        assertThat(error(steps, "CreateWorkteam duplicate")).containsEntry("Code", "ResourceInUse")
                .containsEntry("Status", num(400));
        assertThat(((Map<String, Object>) ok(steps, "DescribeWorkteam").get("Workteam")).get("Description"))
                .isEqualTo("Labels");
        assertThat((String) error(steps, "DescribeWorkteam missing").get("Message")).contains("The work team");
        assertThat(((Map<String, Object>) ok(steps, "UpdateWorkteam").get("Workteam")).get("Description"))
                .isEqualTo("Labels more");
        assertThat((List<?>) ok(steps, "ListWorkteams").get("Workteams")).hasSize(1);
        assertThat((List<?>) ok(steps, "AddTags").get("Tags")).hasSize(1);
        assertThat((List<?>) ok(steps, "ListTags").get("Tags")).hasSize(2);
        assertThat(ok(steps, "DeleteTags")).isEmpty();
        assertThat(ok(steps, "ListLabelingJobsForWorkteam")).containsEntry("LabelingJobSummaryList", List.of());
        assertThat(error(steps, "ListLabelingJobsForWorkteam unknown")).containsEntry("Code", "ResourceNotFound");
        assertThat(ok(steps, "ListSubscribedWorkteams")).containsEntry("SubscribedWorkteams", List.of());
        assertThat(error(steps, "DescribeSubscribedWorkteam unknown")).containsEntry("Code", "ValidationException");
        assertThat(error(steps, "DeleteWorkforce with teams")).containsEntry("Code", "ResourceInUse");
        assertThat(ok(steps, "DeleteWorkteam")).containsEntry("Success", true);
        assertThat(ok(steps, "DeleteWorkforce")).isEmpty();
        assertThat(ok(steps, "ListWorkteams paginated")).containsEntry("Pages", num(1));
        assertThat(fake.journal()).allMatch(e -> e.account().equals("123456789012") && e.region().equals("us-east-1"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void boto3SeesTheWorkforceLifecycleAsAwsShowsIt() throws Exception {
        requireClient(run(List.of("python3", "-c", "import boto3"), Map.of()).exit() == 0, "python3 with boto3");
        Result result = run(List.of("python3", script("boto3_lifecycle.py"), server.endpoint().toString()),
                awsEnv("x"));
        assertThat(result.exit()).as(result.stderr()).isZero();
        Map<String, Object> steps = (Map<String, Object>) TestJson.parse(result.stdout());

        // The implicit workforce "default", and UpdateWorkteam without NotificationConfiguration.
        assertThat((Map<String, Object>) ok(steps, "DescribeWorkforce default").get("Workforce"))
                .containsEntry("Status", "Initializing");
        Map<String, Object> team = (Map<String, Object>) ok(steps, "DescribeWorkteam after update").get("Workteam");
        assertThat(team).containsEntry("NotificationConfiguration", Map.of()).containsEntry("Description", "Labels");
        assertThat((String) error(steps, "DescribeWorkforce default after last team").get("Message"))
                .contains("No workforce");

        // Initializing without VpcEndpointId, then Active with one; no update while Initializing.
        assertThat(error(steps, "UpdateWorkforce while Initializing")).containsEntry("Code", "ConflictException")
                .containsEntry("Status", num(400));
        Map<String, Object> first = (Map<String, Object>) ok(steps, "DescribeWorkforce first").get("Workforce");
        assertThat(first).containsEntry("Status", "Initializing");
        assertThat((Map<String, Object>) first.get("WorkforceVpcConfig")).doesNotContainKey("VpcEndpointId");
        Map<String, Object> second = (Map<String, Object>) ok(steps, "DescribeWorkforce second").get("Workforce");
        assertThat(second).containsEntry("Status", "Active");
        assertThat((String) ((Map<String, Object>) second.get("WorkforceVpcConfig")).get("VpcEndpointId"))
                .matches("vpce-[0-9a-z]+");

        // LastUpdatedDate moves only with SourceIpConfig.
        Map<String, Object> afterVpc = ok(steps, "After vpc update");
        assertThat(afterVpc.get("LastUpdatedDate")).isEqualTo(afterVpc.get("CreateDate"));
        assertThat(((Map<String, Object>) ((Map<String, Object>) ok(steps, "UpdateWorkforce vpc only")
                .get("Workforce")).get("WorkforceVpcConfig"))).doesNotContainKey("VpcEndpointId");
        Map<String, Object> afterCidrs = ok(steps, "After cidr update");
        assertThat(afterCidrs.get("LastUpdatedDate")).isNotEqualTo(afterCidrs.get("CreateDate"));

        // A provisioning failure asked for over the admin API.
        assertThat(ok(steps, "After failing update")).containsEntry("Status", "Failed")
                .containsEntry("FailureReason", "The subnet subnet-0def has no free IP address.");
        assertThat((List<Map<String, Object>>) ok(steps, "ListWorkforces failed").get("Workforces"))
                .singleElement().satisfies(w -> assertThat(w).containsEntry("Status", "Failed"));

        // A Failed workforce may be deleted: Deleting, then gone.
        assertThat((Map<String, Object>) ok(steps, "DescribeWorkforce deleting").get("Workforce"))
                .containsEntry("Status", "Deleting");
        assertThat(error(steps, "DescribeWorkforce deleted")).containsEntry("Code", "ValidationException");
    }

    @Test
    @SuppressWarnings("unchecked")
    void boto3SignaturesAreVerifiedInStrictMode() throws Exception {
        requireClient(run(List.of("python3", "-c", "import boto3"), Map.of()).exit() == 0, "python3 with boto3");
        try (SageMakerWorkforceServer strict = SageMakerWorkforceServer.start(FakeSettings.defaults(),
                ServerOptions.defaults().withStrictAuth("123456789012", "py-secret"))) {
            Result result = run(List.of("python3", script(), strict.endpoint().toString(), "strict"),
                    awsEnv("py-secret"));
            assertThat(result.exit()).as(result.stderr()).isZero();
            Map<String, Object> steps = (Map<String, Object>) TestJson.parse(result.stdout());
            assertThat(ok(steps, "signed")).containsKey("Workteams");
            assertThat(error(steps, "wrong secret")).containsEntry("Code", "InvalidSignatureException")
                    .containsEntry("Status", num(400));
        }
    }

    // ------------------------------------------------------------------ the AWS CLI

    @Test
    @SuppressWarnings("unchecked")
    void theAwsCliCallsEveryOperation() throws Exception {
        requireClient(run(List.of("aws", "--version"), Map.of()).exit() == 0, "the AWS CLI (aws)");
        Map<String, Object> created = cli("create-workforce", "--workforce-name", "main",
                "--cognito-config", "UserPool=us-east-1_abc123,ClientId=client1");
        assertThat(created).containsEntry("WorkforceArn", "arn:aws:sagemaker:us-east-1:123456789012:workforce/main");
        assertThat((Map<String, Object>) cli("describe-workforce", "--workforce-name", "main").get("Workforce"))
                .containsEntry("Status", "Initializing");
        assertThat((Map<String, Object>) cli("describe-workforce", "--workforce-name", "main").get("Workforce"))
                .containsEntry("Status", "Active");
        assertThat(cli("update-workforce", "--workforce-name", "main", "--source-ip-config", "Cidrs=10.0.0.0/16")
                .toString()).contains("10.0.0.0/16");
        assertThat((List<?>) cli("list-workforces").get("Workforces")).hasSize(1);
        assertThat(cli("create-workteam", "--workteam-name", "labelers", "--description", "Labels",
                "--member-definitions", COGNITO)).containsEntry("WorkteamArn", ARN);
        assertThat(((Map<String, Object>) cli("describe-workteam", "--workteam-name", "labelers").get("Workteam"))
                .get("WorkteamName")).isEqualTo("labelers");
        assertThat(((Map<String, Object>) cli("update-workteam", "--workteam-name", "labelers", "--description",
                "Labels more").get("Workteam")).get("Description")).isEqualTo("Labels more");
        assertThat((List<?>) cli("list-workteams").get("Workteams")).hasSize(1);
        assertThat((List<?>) cli("add-tags", "--resource-arn", ARN, "--tags", "Key=team,Value=a").get("Tags")).hasSize(1);
        assertThat(cli("list-tags", "--resource-arn", ARN).toString()).contains("team");
        cli("delete-tags", "--resource-arn", ARN, "--tag-keys", "team");
        assertThat((List<?>) cli("list-tags", "--resource-arn", ARN).get("Tags")).isEmpty();
        assertThat(cli("list-labeling-jobs-for-workteam", "--workteam-arn", ARN))
                .containsEntry("LabelingJobSummaryList", List.of());
        assertThat(cli("list-subscribed-workteams")).containsEntry("SubscribedWorkteams", List.of());
        assertThat(cliError("describe-subscribed-workteam", "--workteam-arn",
                "arn:aws:sagemaker:us-east-1:394669845002:workteam/vendor-crowd/nobody"))
                .contains("An error occurred (ValidationException) when calling the DescribeSubscribedWorkteam operation");
        assertThat(cliError("describe-workteam", "--workteam-name", "nobody"))
                .contains("(ValidationException) when calling the DescribeWorkteam operation: The work team nobody");
        assertThat(cliError("delete-workforce", "--workforce-name", "main")).contains("(ResourceInUse)");
        assertThat(cli("delete-workteam", "--workteam-name", "labelers")).containsEntry("Success", true);
        cli("delete-workforce", "--workforce-name", "main");
        assertThat((Map<String, Object>) cli("describe-workforce", "--workforce-name", "main").get("Workforce"))
                .containsEntry("Status", "Deleting");
        assertThat(cliError("describe-workforce", "--workforce-name", "main")).contains("No workforce");
        assertThat(fake.state().workforce()).isEmpty();
        assertThat(fake.journal()).extracting(e -> e.operation()).contains("DeleteWorkforce", "DescribeSubscribedWorkteam");
    }

    @Test
    void theAwsCliFollowsAwsEndpointUrlSagemaker() throws Exception {
        requireClient(run(List.of("aws", "--version"), Map.of()).exit() == 0, "the AWS CLI (aws)");
        Map<String, String> env = new HashMap<>(awsEnv("x"));
        env.put("AWS_ENDPOINT_URL_SAGEMAKER", server.endpoint().toString());
        Result result = run(List.of("aws", "sagemaker", "list-workteams", "--output", "json"), env);
        assertThat(result.exit()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("\"Workteams\"");
        assertThat(fake.journal()).extracting(e -> e.operation()).containsExactly("ListWorkteams");
    }

    // ------------------------------------------------------------------ the Java SDK's endpoint setting

    @Test
    void anUnmodifiedSdkClientFollowsTheEndpointSystemProperty() {
        String property = "aws.endpointUrlSageMaker";
        String previous = System.getProperty(property);
        System.setProperty(property, server.endpoint().toString());
        try (SageMakerClient client = SageMakerClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("123456789012", "x")))
                .build()) {
            assertThat(client.listWorkteams(r -> { }).workteams()).isEmpty();
        } finally {
            if (previous == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, previous);
            }
        }
        assertThat(fake.journal()).extracting(e -> e.operation()).containsExactly("ListWorkteams");
    }

    // ------------------------------------------------------------------ helpers

    record Result(int exit, String stdout, String stderr) {
    }

    private static String script() {
        return script("boto3_all_operations.py");
    }

    private static String script(String name) {
        return Path.of(System.getProperty("basedir", "."), "src", "test", "python", name).toString();
    }

    /** Credentials that select the default account; no profile, no config file, no instance metadata. */
    private static Map<String, String> awsEnv(String secret) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "123456789012");
        env.put("AWS_SECRET_ACCESS_KEY", secret);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        return env;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> cli(String... args) throws Exception {
        Result r = runCli(args);
        assertThat(r.exit()).as(String.join(" ", args) + ": " + r.stderr()).isZero();
        return r.stdout().isBlank() ? Map.of() : (Map<String, Object>) TestJson.parse(r.stdout());
    }

    private String cliError(String... args) throws Exception {
        Result r = runCli(args);
        assertThat(r.exit()).as(String.join(" ", args)).isNotZero();
        return r.stderr();
    }

    private Result runCli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", server.endpoint().toString(),
                "--output", "json", "sagemaker"));
        command.addAll(List.of(args));
        return run(command, awsEnv("x"));
    }

    static Result run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(-1, "", e.toString());
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Result(p.exitValue(), out.get(), err.get());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> ok(Map<String, Object> steps, String name) {
        Map<String, Object> step = (Map<String, Object>) steps.get(name);
        assertThat(step).as(name).containsKey("ok");
        return (Map<String, Object>) step.get("ok");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> error(Map<String, Object> steps, String name) {
        Map<String, Object> step = (Map<String, Object>) steps.get(name);
        assertThat(step).as(name).containsKey("error");
        return (Map<String, Object>) step.get("error");
    }

    private static java.math.BigDecimal num(int n) {
        return java.math.BigDecimal.valueOf(n);
    }

    /**
     * Independent clients are skipped where they are not installed, with a message; CI sets
     * SAGEMAKER_FAKE_REQUIRE_CLIENTS=true so that a missing client fails instead of skipping.
     */
    static void requireClient(boolean available, String client) {
        if (available) {
            return;
        }
        String message = client + " is not installed; install it (pip install boto3 awscli) to run this test";
        if ("true".equalsIgnoreCase(System.getenv("SAGEMAKER_FAKE_REQUIRE_CLIENTS"))) {
            throw new AssertionError(message + ". SAGEMAKER_FAKE_REQUIRE_CLIENTS=true forbids skipping it.");
        }
        assumeTrue(false, message);
    }
}
