package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.FlowDefinitionSnapshot;
import io.github.sagemakerfake.control.HumanTaskUiSnapshot;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.control.WorkforceSnapshot;
import io.github.sagemakerfake.control.WorkteamSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * Terraform 1.x with the hashicorp/aws provider 5.100.0, the real binaries, drives the standalone
 * server through the module in {@code src/test/terraform/workforces}: a Cognito workforce with
 * source IPs in one account, an OIDC workforce with source IPs and a VPC config in another account
 * and region, a team in each with tags, a notification topic and worker-access settings. The steps
 * run in order against one server and one Terraform state, as a user's pipeline would: apply, a
 * clean plan after every apply, import into a fresh state, a team deleted behind Terraform's back
 * while blocks are removed from the configuration, a provisioning that fails, destroy. The fake
 * runs with its default lifecycle, so the provider's waiters meet Initializing, Updating and
 * Deleting as on AWS. The module also holds a human task UI and an A2I flow definition that routes
 * reviews to the Cognito team (aws_sagemaker_labeling_job needs provider 6.x): they apply, plan
 * clean, import and destroy with the rest, the flow through the provider's waiters for Active and
 * for deletion.
 *
 * <p>No provider is downloaded: the test writes a Terraform CLI configuration whose only provider
 * source is a local filesystem mirror (see {@link #MIRROR_ENV}). Skipped, with the reason, where
 * Terraform or the provider is missing, unless {@code SAGEMAKER_FAKE_REQUIRE_CLIENTS=true} (CI),
 * which turns a missing client into a failure. Every Terraform command has a time limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TerraformProviderTest {

    /** The provider version the module pins; docs/fidelity.md names it as the tested client. */
    static final String PROVIDER_VERSION = "5.100.0";
    /** A filesystem mirror holding registry.terraform.io/hashicorp/aws/5.100.0/&lt;platform&gt;/. */
    static final String MIRROR_ENV = "SAGEMAKER_FAKE_TERRAFORM_MIRROR";
    /**
     * A bound for a command that hangs (e.g. a provider waiting for a status that never comes),
     * generous for one that is merely slow: on a 2-core machine shared with other builds a destroy
     * took two minutes.
     */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(300);

    private static final String COGNITO_ACCOUNT = "111122223333";
    private static final String COGNITO_REGION = "us-east-1";
    private static final String OIDC_ACCOUNT = "444455556666";
    private static final String OIDC_REGION = "eu-west-1";
    private static final String FAILED_ACCOUNT = "777788889999";
    private static final String FAILED_REGION = "us-west-2";

    private static final String REQUIRE_CLIENTS = "SAGEMAKER_FAKE_REQUIRE_CLIENTS";

    /** Why Terraform cannot run here, or null. */
    private String unavailable;
    private FakeControl fake;
    private SageMakerWorkforceServer server;
    private Terraform terraform;
    /** The class's working directory: one Terraform working directory per root module. */
    private Path work;
    private Path module;
    /** Set once the first apply succeeded: the later steps need its resources. */
    private boolean applied;
    private boolean initialized;
    /** Set once the drift-and-change apply succeeded. */
    private boolean changed;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final List<String> timings = new ArrayList<>();

    @BeforeAll
    void startServerAndFindTerraform(@TempDir Path workDirectory) throws IOException {
        work = workDirectory;
        try {
            terraform = Terraform.find();
        } catch (Unavailable e) {
            unavailable = e.getMessage();
            return;
        }
        server = SageMakerWorkforceServer.start(FakeSettings.defaults());
        fake = server.control();
        module = copyModule("workforces", work.resolve("main"), "providers.tf", "cognito.tf", "oidc.tf", "labeling.tf");
    }

    /**
     * Skips each step, with the reason, where Terraform or the provider is missing; CI sets
     * SAGEMAKER_FAKE_REQUIRE_CLIENTS=true, which makes that a failure instead.
     */
    @BeforeEach
    void requireTerraformAndTheProvider() {
        if (unavailable == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE_CLIENTS))) {
            throw new AssertionError(unavailable + ". " + REQUIRE_CLIENTS + "=true forbids skipping it.");
        }
        assumeTrue(false, unavailable);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
        if (!timings.isEmpty()) {
            System.out.println("Terraform command times: " + String.join(", ", timings));
        }
    }

    // ------------------------------------------------------------------ the steps

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void applyCreatesBothWorkforcesAndTheirTeamsAndThePlanIsClean() throws Exception {
        run(module, "init", "-input=false", "-no-color", "-lock=false");
        initialized = true;
        run(module, "apply", "-auto-approve", "-input=false", "-no-color", "-lock=false");

        RegionSnapshot cognito = fake.state(COGNITO_ACCOUNT, COGNITO_REGION);
        WorkforceSnapshot cognitoWorkforce = cognito.workforce().orElseThrow();
        assertThat(cognitoWorkforce.name()).isEqualTo("labeling-cognito");
        assertThat(cognitoWorkforce.status()).isEqualTo("Active");
        assertThat(cognitoWorkforce.cognitoConfig()).containsEntry("UserPool", "us-east-1_EXAMPLE1")
                .containsEntry("ClientId", "labeling-client");
        assertThat(cognitoWorkforce.sourceIpCidrs()).containsExactlyInAnyOrder("10.0.0.0/16", "192.168.1.0/24");
        WorkteamSnapshot labelers = cognito.workteam("labelers").orElseThrow();
        assertThat(labelers.workforceArn()).isEqualTo(cognitoWorkforce.arn());
        assertThat(labelers.description()).isEqualTo("Labels images");
        assertThat(labelers.cognitoUserGroups()).containsExactly("us-east-1_EXAMPLE1/labelers");
        assertThat(labelers.notificationTopicArn()).hasValue("arn:aws:sns:us-east-1:111122223333:labeling-jobs");
        assertThat(labelers.workerAccessConfiguration())
                .isEqualTo(Map.of("S3Presign", Map.of("IamPolicyConstraints", Map.of("SourceIp", "Enabled"))));
        assertThat(labelers.tags()).isEqualTo(Map.of("team", "labelers", "env", "test"));

        RegionSnapshot oidc = fake.state(OIDC_ACCOUNT, OIDC_REGION);
        WorkforceSnapshot oidcWorkforce = oidc.workforce().orElseThrow();
        assertThat(oidcWorkforce.name()).isEqualTo("labeling-oidc");
        assertThat(oidcWorkforce.status()).isEqualTo("Active");
        assertThat(oidcWorkforce.isOidc()).isTrue();
        assertThat(oidcWorkforce.oidcConfig()).containsEntry("Issuer", "https://idp.example.com")
                .containsEntry("Scope", "openid email");
        assertThat(oidcWorkforce.sourceIpCidrs()).containsExactly("203.0.113.0/24");
        Map<String, Object> vpc = oidcWorkforce.vpcConfig().orElseThrow();
        assertThat(vpc).containsEntry("VpcId", "vpc-0123456789abcdef0")
                .containsEntry("SecurityGroupIds", List.of("sg-0123456789abcdef0"));
        assertThat((List<Object>) vpc.get("Subnets"))
                .containsExactlyInAnyOrder("subnet-0123456789abcdef0", "subnet-0fedcba9876543210");
        assertThat((String) vpc.get("VpcEndpointId")).as("VpcEndpointId of the Active workforce").startsWith("vpce-");
        WorkteamSnapshot reviewers = oidc.workteam("reviewers").orElseThrow();
        assertThat(reviewers.oidcGroups()).containsExactlyInAnyOrder("reviewers", "leads");
        assertThat(reviewers.notificationTopicArn()).hasValue("arn:aws:sns:eu-west-1:444455556666:reviews");
        assertThat(reviewers.tags()).isEqualTo(Map.of("team", "reviewers"));

        // With the default lifecycle, OBSERVED(1), the first read after CreateWorkforce shows
        // Initializing: the provider's waiter polled through it (a read that saw Initializing, one
        // that saw Active) before the read that fills the state, and only then created the team.
        assertThat(describesBetween(COGNITO_ACCOUNT, "CreateWorkforce", "CreateWorkteam"))
                .as("DescribeWorkforce calls between CreateWorkforce and CreateWorkteam").isGreaterThanOrEqualTo(3);

        // The labeling plane: the template with its digest, the flow Active (the provider's waiter polled
        // through Initializing) with the team and template it names, both tagged.
        HumanTaskUiSnapshot ui = cognito.humanTaskUi("review-ui").orElseThrow();
        assertThat(ui.content()).startsWith("<crowd-form>");
        assertThat(ui.contentSha256()).hasSize(64);
        assertThat(ui.tags()).isEqualTo(Map.of("team", "labelers"));
        FlowDefinitionSnapshot flow = cognito.flowDefinition("label-review").orElseThrow();
        assertThat(flow.status()).isEqualTo("Active");
        assertThat(flow.workteamArn()).hasValue(labelers.arn());
        assertThat(flow.humanTaskUiArn()).hasValue(ui.arn());
        assertThat(flow.tags()).isEqualTo(Map.of("team", "labelers"));
        assertThat(fake.journal()).filteredOn(e -> e.operation().equals("DescribeFlowDefinition"))
                .as("the provider's waiter for Active").hasSizeGreaterThanOrEqualTo(2);

        // Each provider configuration reached its own account and region, and nothing else.
        assertThat(fake.snapshot().regions()).extracting(r -> r.account() + "/" + r.region())
                .containsExactlyInAnyOrder(COGNITO_ACCOUNT + "/" + COGNITO_REGION, OIDC_ACCOUNT + "/" + OIDC_REGION);
        applied = true;

        assertPlanIsClean(module, "after the first apply");
    }

    @Test
    @Order(2)
    void importIntoAFreshStateReadsEveryResourceAndPlansOnlyTheTemplatesReplacement() throws Exception {
        assumeTrue(applied, "the first apply failed; nothing to import");
        Path fresh = copyModule("workforces", work.resolve("import"), "providers.tf", "cognito.tf", "labeling.tf");
        run(fresh, "init", "-input=false", "-no-color", "-lock=false");
        long before = lastSequence();

        run(fresh, "import", "-input=false", "-no-color", "-lock=false",
                "aws_sagemaker_workforce.cognito", "labeling-cognito");
        run(fresh, "import", "-input=false", "-no-color", "-lock=false",
                "aws_sagemaker_workteam.labelers", "labelers");
        run(fresh, "import", "-input=false", "-no-color", "-lock=false",
                "aws_sagemaker_flow_definition.review", "label-review");
        run(fresh, "import", "-input=false", "-no-color", "-lock=false",
                "aws_sagemaker_human_task_ui.review", "review-ui");
        assertThat(run(fresh, "state", "list").output().lines()).containsExactly(
                "aws_sagemaker_flow_definition.review", "aws_sagemaker_human_task_ui.review",
                "aws_sagemaker_workforce.cognito", "aws_sagemaker_workteam.labelers");
        // Everything imports clean but the template's content, which DescribeHumanTaskUi never returns
        // (the provider's own import test ignores it): the provider plans to replace the template only.
        Result plan = run(fresh, List.of(0, 2), "plan", "-detailed-exitcode", "-input=false", "-no-color", "-lock=false");
        assertThat(plan.output()).as("the plan after importing into a fresh state:\n%s", plan.tail())
                .contains("# aws_sagemaker_human_task_ui.review must be replaced")
                .contains("Plan: 1 to add, 0 to change, 1 to destroy.")
                .doesNotContain("aws_sagemaker_flow_definition.review will", "aws_sagemaker_flow_definition.review must",
                        "aws_sagemaker_workteam.labelers will", "aws_sagemaker_workforce.cognito will");

        // Import and plan only read.
        assertThat(journalSince(before)).extracting(JournalEntry::operation)
                .allMatch(op -> op.startsWith("Describe") || op.startsWith("List"), "read-only operations");
    }

    /**
     * One run with drift and a change, as a pipeline meets them: a team deleted behind Terraform's
     * back, and a configuration that changes the Cognito workforce's source IPs (UpdateWorkforce,
     * which the provider follows with its waiter for Active), removes the OIDC workforce's VPC
     * block (the provider sends an empty WorkforceVpcConfig) and removes the OIDC team's
     * notification block, as Terraform's acceptance test testAccWorkteam_notificationConfig does.
     * The plan shows exactly these four changes; applying it recreates the team and sends the
     * updates. (One plan and apply for both keeps the suite's Terraform runs, each of which starts
     * the provider several times, few.)
     */
    @Test
    @Order(3)
    void aTeamDeletedOutOfBandIsPlannedAndRecreatedAlongsideConfigurationChanges() throws Exception {
        assumeTrue(applied, "the first apply failed; nothing to delete");
        try (SageMakerClient sageMaker = sdkClient(COGNITO_ACCOUNT, COGNITO_REGION)) {
            sageMaker.deleteWorkteam(r -> r.workteamName("labelers"));
        }
        assertThat(fake.state(COGNITO_ACCOUNT, COGNITO_REGION).workteam("labelers")).isEmpty();
        variables.put("TF_VAR_cognito_cidrs", "[\"10.1.0.0/16\"]");
        variables.put("TF_VAR_notify_reviewers", "false");
        variables.put("TF_VAR_oidc_in_vpc", "false");

        Result plan = run(module, List.of(0, 2), "plan", "-detailed-exitcode", "-input=false", "-no-color",
                "-lock=false", "-out=changes.tfplan");
        assertThat(plan.exit()).as("plan exit code (2 = changes) after the out-of-band deletion:\n%s", plan.tail())
                .isEqualTo(2);
        assertThat(plan.output()).contains("# aws_sagemaker_workteam.labelers will be created")
                .contains("# aws_sagemaker_workforce.cognito will be updated in-place")
                .contains("# aws_sagemaker_workteam.reviewers will be updated in-place")
                .contains("# aws_sagemaker_workforce.oidc will be updated in-place")
                .contains("Plan: 1 to add, 3 to change, 0 to destroy.");

        long before = lastSequence();
        run(module, "apply", "-input=false", "-no-color", "-lock=false", "changes.tfplan");

        WorkteamSnapshot labelers = fake.state(COGNITO_ACCOUNT, COGNITO_REGION).workteam("labelers").orElseThrow();
        assertThat(labelers.notificationTopicArn()).hasValue("arn:aws:sns:us-east-1:111122223333:labeling-jobs");
        assertThat(labelers.tags()).isEqualTo(Map.of("team", "labelers", "env", "test"));
        WorkforceSnapshot cognito = fake.state(COGNITO_ACCOUNT, COGNITO_REGION).workforce().orElseThrow();
        assertThat(cognito.sourceIpCidrs()).containsExactly("10.1.0.0/16");
        assertThat(cognito.status()).isEqualTo("Active");
        WorkforceSnapshot oidc = fake.state(OIDC_ACCOUNT, OIDC_REGION).workforce().orElseThrow();
        assertThat(oidc.vpcConfig()).as("the OIDC workforce's VPC config after the block was removed").isEmpty();
        assertThat(oidc.status()).isEqualTo("Active");
        List<JournalEntry> sent = journalSince(before);
        assertThat(request(sent, "UpdateWorkteam", OIDC_ACCOUNT))
                .as("what provider %s sends when the notification block is removed", PROVIDER_VERSION)
                .containsEntry("WorkteamName", "reviewers").doesNotContainKey("NotificationConfiguration");
        assertThat(request(sent, "UpdateWorkforce", OIDC_ACCOUNT))
                .as("what provider %s sends when the VPC block is removed", PROVIDER_VERSION)
                .containsEntry("WorkforceVpcConfig", Map.of()).doesNotContainKey("OidcConfig");
        changed = true;
    }

    /**
     * The plan after that apply is empty: the recreated team reads back as configured, and so does
     * the team whose notification block was removed (the acceptance test's empty plan, which holds
     * only when the service then describes the team without a topic).
     */
    @Test
    @Order(4)
    void afterRecreationAndUpdatesThePlanIsClean() throws Exception {
        assumeTrue(changed, "the previous step's apply failed");
        assertPlanIsClean(module, "after recreating the deleted team, changing the source IPs and removing the "
                + "notification block (testAccWorkteam_notificationConfig)");
        assertThat(fake.state(OIDC_ACCOUNT, OIDC_REGION).workteam("reviewers").orElseThrow().notificationTopicArn())
                .isEmpty();
    }

    /**
     * A provisioning that ends {@code Failed}: the provider's waiter stops there (Failed is neither
     * pending nor the target) and reports the FailureReason, the apply fails, and the workforce
     * stays in the state as tainted, to be replaced by the next apply.
     */
    @Test
    @Order(5)
    void aFailedProvisioningFailsTheApplyWithTheFailureReason() throws Exception {
        Path failed = copyModule("failed", work.resolve("failed"), "main.tf");
        run(failed, "init", "-input=false", "-no-color", "-lock=false");
        String reason = "The subnet subnet-0123456789abcdef0 has no free IP address.";
        fake.addFault(FaultRule.forOperation("CreateWorkforce").once().failProvisioning(reason));

        Result apply = run(failed, List.of(1), "apply", "-auto-approve", "-input=false", "-no-color", "-lock=false");
        assertThat(apply.output()).contains("waiting for SageMaker AI Workforce (doomed) create")
                .contains("unexpected state 'Failed', wanted target 'Active'").contains(reason);
        assertThat(fake.state(FAILED_ACCOUNT, FAILED_REGION).workforce().orElseThrow().status()).isEqualTo("Failed");
        assertThat(run(failed, "state", "list").output().lines()).containsExactly("aws_sagemaker_workforce.doomed");

        // Cleaned up through the SDK: a Failed workforce can be deleted, and is gone once a read saw it Deleting.
        try (SageMakerClient sageMaker = sdkClient(FAILED_ACCOUNT, FAILED_REGION)) {
            sageMaker.deleteWorkforce(r -> r.workforceName("doomed"));
            for (int read = 0; read < 10 && fake.state(FAILED_ACCOUNT, FAILED_REGION).workforce().isPresent(); read++) {
                try {
                    sageMaker.describeWorkforce(r -> r.workforceName("doomed"));
                } catch (SageMakerException gone) {
                    assertThat(gone.getMessage()).contains("No workforce");
                }
            }
        }
        assertThat(fake.state(FAILED_ACCOUNT, FAILED_REGION).workforce()).isEmpty();
    }

    @Test
    @Order(6)
    void destroyLeavesTheFakeEmpty() throws Exception {
        assumeTrue(initialized, "terraform init failed; nothing to destroy");
        long before = lastSequence();
        run(module, "destroy", "-auto-approve", "-input=false", "-no-color", "-lock=false");
        // The waiter for deletion polled through Deleting until the workforce was gone.
        assertThat(journalSince(before)).filteredOn(e -> e.account().equals(COGNITO_ACCOUNT))
                .extracting(e -> e.operation() + (e.errorCode() == null ? "" : " " + e.errorCode()))
                .containsSubsequence("DeleteWorkteam", "DeleteWorkforce", "DescribeWorkforce",
                        "DescribeWorkforce ValidationException");
        // The flow definition's waiter for deletion polled through Deleting until ResourceNotFound.
        assertThat(journalSince(before)).filteredOn(e -> e.account().equals(COGNITO_ACCOUNT))
                .extracting(e -> e.operation() + (e.errorCode() == null ? "" : " " + e.errorCode()))
                .containsSubsequence("DeleteFlowDefinition", "DescribeFlowDefinition",
                        "DescribeFlowDefinition ResourceNotFound")
                .contains("DeleteHumanTaskUi");
        assertThat(fake.snapshot().regions()).allSatisfy(region -> {
            assertThat(region.workforce()).as("workforce in %s/%s", region.account(), region.region()).isEmpty();
            assertThat(region.workteams()).as("teams in %s/%s", region.account(), region.region()).isEmpty();
            assertThat(region.flowDefinitions()).as("flow definitions in %s/%s", region.account(), region.region())
                    .isEmpty();
            assertThat(region.humanTaskUis()).as("task UIs in %s/%s", region.account(), region.region()).isEmpty();
        });
    }

    // ------------------------------------------------------------------ helpers

    private void assertPlanIsClean(Path dir, String when) throws Exception {
        Result plan = run(dir, List.of(0, 2), "plan", "-detailed-exitcode", "-input=false", "-no-color", "-lock=false");
        assertThat(plan.exit()).as("terraform plan -detailed-exitcode %s must find no changes (exit 0), but it "
                + "planned:\n%s", when, plan.tail()).isZero();
    }

    private Result run(Path dir, String... args) throws Exception {
        return run(dir, List.of(0), args);
    }

    /** Runs terraform in {@code dir}; fails unless it exits with one of {@code expectedExits} in time. */
    private Result run(Path dir, List<Integer> expectedExits, String... args) throws Exception {
        Map<String, String> env = new LinkedHashMap<>(variables);
        env.put("TF_VAR_endpoint", server.endpoint().toString());
        long start = System.nanoTime();
        Result result = terraform.run(dir, List.of(args), env, COMMAND_TIMEOUT);
        timings.add(String.format("%s %.1f s", args[0], (System.nanoTime() - start) / 1e9));
        assertThat(expectedExits).as("terraform %s exited with %d:\n%s", String.join(" ", args), result.exit(),
                result.tail()).contains(result.exit());
        return result;
    }

    /** How many DescribeWorkforce requests in the account came after the first {@code from} and before {@code to}. */
    private long describesBetween(String account, String from, String to) {
        List<String> ops = fake.journal().stream().filter(e -> e.account().equals(account))
                .map(JournalEntry::operation).toList();
        int start = ops.indexOf(from);
        int end = ops.indexOf(to);
        assertThat(start).as("%s in the journal of account %s", from, account).isNotNegative();
        assertThat(end).as("%s after %s in account %s", to, from, account).isGreaterThan(start);
        return ops.subList(start, end).stream().filter("DescribeWorkforce"::equals).count();
    }

    private static Map<String, Object> request(List<JournalEntry> entries, String operation, String account) {
        return entries.stream().filter(e -> e.operation().equals(operation) && e.account().equals(account))
                .findFirst().orElseThrow(() -> new AssertionError("no " + operation + " in account " + account
                        + " among " + entries)).request();
    }

    private long lastSequence() {
        List<JournalEntry> journal = fake.journal();
        return journal.isEmpty() ? 0 : journal.get(journal.size() - 1).sequence();
    }

    private List<JournalEntry> journalSince(long sequence) {
        return fake.journal().stream().filter(e -> e.sequence() > sequence).toList();
    }

    private SageMakerClient sdkClient(String account, String region) {
        return SageMakerClient.builder().endpointOverride(server.endpoint()).region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "any")))
                .build();
    }

    private static Path copyModule(String name, Path target, String... files) throws IOException {
        Path source = Path.of(System.getProperty("basedir", "."), "src", "test", "terraform", name);
        Files.createDirectories(target);
        for (String file : files) {
            Files.copy(source.resolve(file), target.resolve(file));
        }
        return target;
    }

    /** Terraform or the provider is not installed here. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    record Result(int exit, String output) {

        /** The end of the output, where Terraform prints the plan summary or the error. */
        String tail() {
            return output.length() <= 6000 ? output : "..." + output.substring(output.length() - 6000);
        }
    }

    /** The terraform binary, and the CLI configuration that makes it install the provider offline. */
    record Terraform(String executable, Path cliConfig, String version) {

        static Terraform find() throws IOException, Unavailable {
            String executable = Optional.ofNullable(System.getenv("SAGEMAKER_FAKE_TERRAFORM")).orElse("terraform");
            Map<String, Object> version = version(executable);
            if (version == null) {
                throw new Unavailable("Terraform (" + executable + ") is not installed; install Terraform 1.x, or set "
                        + "SAGEMAKER_FAKE_TERRAFORM to its path, to run this test");
            }
            String platform = (String) version.get("platform");
            Path mirror = findMirror(platform);
            if (mirror == null) {
                throw new Unavailable("the hashicorp/aws provider " + PROVIDER_VERSION + " for " + platform + " is in no local "
                        + "filesystem mirror (looked in $" + MIRROR_ENV + ", /opt/tf-plugins and Terraform's implied "
                        + "mirror directories); put it in one, or set " + MIRROR_ENV + " to the mirror, to run this test");
            }
            Path config = Files.createTempFile("sagemaker-fake-terraform", ".tfrc");
            config.toFile().deleteOnExit();
            // The mirror is the only source: nothing is downloaded, whatever the user's own settings say.
            Files.writeString(config, String.join("\n",
                    "provider_installation {",
                    "  filesystem_mirror {",
                    "    path    = \"" + mirror.toString().replace("\\", "\\\\") + "\"",
                    "    include = [\"registry.terraform.io/hashicorp/aws\"]",
                    "  }",
                    "  direct {",
                    "    exclude = [\"*/*\"]",
                    "  }",
                    "}",
                    ""));
            return new Terraform(executable, config, (String) version.get("terraform_version"));
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> version(String executable) {
            try {
                // stdout only: a warning about the caller's CLI configuration goes to stderr.
                ProcessBuilder pb = new ProcessBuilder(executable, "version", "-json")
                        .redirectError(ProcessBuilder.Redirect.DISCARD);
                pb.environment().keySet().removeIf(k -> k.startsWith("TF_"));
                pb.environment().put("CHECKPOINT_DISABLE", "1");
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    return null;
                }
                return (Map<String, Object>) TestJson.parse(out);
            } catch (IOException | RuntimeException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        private static Path findMirror(String platform) {
            List<Path> candidates = new ArrayList<>();
            Optional.ofNullable(System.getenv(MIRROR_ENV)).ifPresent(m -> candidates.add(Path.of(m)));
            candidates.add(Path.of("/opt/tf-plugins"));
            String home = System.getProperty("user.home");
            candidates.add(Path.of(home, ".terraform.d", "plugins"));
            candidates.add(Path.of(home, ".local", "share", "terraform", "plugins"));
            candidates.add(Path.of("/usr/local/share/terraform/plugins"));
            candidates.add(Path.of("/usr/share/terraform/plugins"));
            for (Path mirror : candidates) {
                Path dir = mirror.resolve(Path.of("registry.terraform.io", "hashicorp", "aws", PROVIDER_VERSION, platform));
                try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
                    if (files.anyMatch(f -> f.getFileName().toString().startsWith("terraform-provider-aws"))) {
                        return mirror;
                    }
                } catch (IOException e) {
                    // not this one
                }
            }
            return null;
        }

        /**
         * Runs one command with a clean environment: no AWS_ or TF_ variable of the caller's (so
         * no profile, no other endpoint, no plugin cache), no instance metadata, no update check.
         */
        Result run(Path dir, List<String> args, Map<String, String> extraEnv, Duration timeout) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(executable);
            command.addAll(args);
            Path log = Files.createTempFile(dir, "terraform-" + args.get(0) + "-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_")
                    || (k.startsWith("TF_") && !k.equals("TF_LOG") && !k.equals("TF_LOG_PATH")));
            env.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
            env.put("TF_IN_AUTOMATION", "1");
            env.put("TF_INPUT", "0");
            env.put("CHECKPOINT_DISABLE", "1");
            // The AWS provider builds its whole schema (some 1,500 resource types) in each of its
            // processes, and Terraform starts several per command: collecting garbage less often
            // cut their CPU time by about a quarter here (a plan: 24 s -> 17 s). A caller's GOGC wins.
            env.putIfAbsent("GOGC", "400");
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
            env.putAll(extraEnv);
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                // Terraform's provider plugins are its children: end them too, or they outlive the test.
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("terraform " + String.join(" ", args) + " did not finish within "
                        + timeout.toSeconds() + " s and was stopped; its output so far:\n"
                        + new Result(-1, read(log)).tail());
            }
            return new Result(p.exitValue(), read(log));
        }

        private static String read(Path log) {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
