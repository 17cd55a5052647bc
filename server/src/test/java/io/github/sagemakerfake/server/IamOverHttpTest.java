package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sagemakerfake.admin.RemoteFakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.RequiredPolicy;
import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/** IAM over the wire (docs/iam.md): the Java SDK's real HTTP clients, boto3, the admin API and --iam-policy. */
class IamOverHttpTest {

    static final String USER = "arn:aws:iam::123456789012:user/123456789012";
    static final String TEAMS = "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/";
    static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["sagemaker:CreateWorkteam", "sagemaker:DescribeWorkteam",
                                             "sagemaker:DeleteWorkteam"],
               "Resource": "arn:aws:sagemaker:*:*:workteam/private-crowd/allowed-*"},
              {"Effect": "Allow", "Action": "sagemaker:ListWorkteams", "Resource": "*"},
              {"Effect": "Allow", "Action": "cognito-idp:*", "Resource": "*"},
              {"Sid": "NeverDelete", "Effect": "Deny", "Action": "sagemaker:Delete*", "Resource": "*"}]}""";

    private FakeEndpoint fake;
    private SageMakerWorkforceServer server;
    private RemoteFakeControl control;

    @BeforeEach
    void start() {
        fake = new FakeEndpoint(FakeSettings.defaults());
        server = SageMakerWorkforceServer.start(fake, ServerOptions.defaults());
        control = RemoteFakeControl.connect(server.endpoint());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theSyncSdkClientGetsAwsAnswersAndADeniedCallChangesNothing() {
        control.setIamPolicy(POLICY);
        try (SageMakerClient sageMaker = TestClients.urlConnection(server.endpoint())) {
            sageMaker.createWorkteam(r -> r.workteamName("allowed-1").description("d")
                    .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123")));
            Map<String, Object> before = control.snapshot().toMap();

            SageMakerException other = catchThrowableOfType(SageMakerException.class, () -> sageMaker.createWorkteam(
                    r -> r.workteamName("other").description("d")
                            .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123"))));
            assertThat(other.statusCode()).isEqualTo(400);
            assertThat(other.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(other.awsErrorDetails().errorMessage()).isEqualTo("User: " + USER + " is not authorized to "
                    + "perform: sagemaker:CreateWorkteam on resource: " + TEAMS + "other because no identity-based "
                    + "policy allows the sagemaker:CreateWorkteam action");

            SageMakerException tags = catchThrowableOfType(SageMakerException.class, () -> sageMaker.createWorkteam(
                    r -> r.workteamName("allowed-2").description("d").tags(Tag.builder().key("t").value("v").build())
                            .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123"))));
            assertThat(tags.awsErrorDetails().errorMessage()).isEqualTo("User: " + USER + " is not authorized to "
                    + "perform: sagemaker:AddTags on resource: " + TEAMS + "allowed-2 because no identity-based policy "
                    + "allows the sagemaker:AddTags action");

            assertThatThrownBy(() -> sageMaker.deleteWorkteam(r -> r.workteamName("allowed-1")))
                    .hasMessageStartingWith("User: " + USER + " is not authorized to perform: sagemaker:DeleteWorkteam "
                            + "on resource: " + TEAMS + "allowed-1 with an explicit deny in an identity-based policy");
            assertThat(control.snapshot().toMap()).isEqualTo(before);
            assertThat(control.journal()).extracting(e -> e.errorCode())
                    .containsExactly(null, "AccessDeniedException", "AccessDeniedException", "AccessDeniedException");
        }
    }

    @Test
    void theAsyncNettyClientGetsTheSameAnswer() {
        control.setIamPolicy(POLICY);
        try (SageMakerAsyncClient sageMaker = TestClients.netty(server.endpoint())) {
            assertThatThrownBy(() -> sageMaker.listWorkforces(r -> { }).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(SageMakerException.class)
                    .hasMessageStartingWith("User: " + USER + " is not authorized to perform: sagemaker:ListWorkforces "
                            + "because no identity-based policy allows the sagemaker:ListWorkforces action");
            assertThat(sageMaker.listWorkteams(r -> { }).join().workteams()).isEmpty();
        }
    }

    @Test
    void theAdminApiIsNeverSubjectToThePolicyAndRefusesABadOneWithItsPlace() {
        control.setIamPolicy("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\","
                + "\"Resource\":\"*\"}}");
        assertThat(control.state().workteamNames()).isEmpty();
        control.reset();
        TestClients.Raw bad = TestClients.send(server.endpoint(), "PUT", "/_fake/iam/policies/AKIDEXAMPLE",
                Map.of("Content-Type", "application/json"), "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
                        + "\"Resources\":\"*\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json()).containsEntry("__type", "InvalidAdminRequest").containsEntry("message",
                "IAM policy from PUT /_fake/iam/policies/AKIDEXAMPLE refused at $.Statement.Resources: unknown member; "
                        + "a statement has Sid, Effect, Action or NotAction, Resource or NotResource, and Condition");
        TestClients.Raw policies = TestClients.send(server.endpoint(), "GET", "/_fake/iam/policies", Map.of(), null);
        assertThat(policies.json()).containsEntry("ByAccessKey", Map.of());
        assertThat(policies.json().get("Everyone")).isNotNull();
        assertThat(TestClients.send(server.endpoint(), "DELETE", "/_fake/iam/policies", Map.of(), null).json())
                .doesNotContainKey("Everyone").containsEntry("ByAccessKey", Map.of());
    }

    @Test
    void theRequiredPolicyIsServedAndTheRemoteControlReadsTheSame() {
        try (SageMakerClient sageMaker = TestClients.urlConnection(server.endpoint())) {
            sageMaker.createWorkteam(r -> r.workteamName("annotators").description("d")
                    .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123")));
            sageMaker.listWorkteams(r -> { });
        }
        TestClients.Raw raw = TestClients.send(server.endpoint(), "GET",
                "/_fake/iam/required-policy?account=123456789012&region=us-east-1", Map.of(), null);
        assertThat(raw.status()).isEqualTo(200);
        RequiredPolicy remote = control.requiredPolicy();
        assertThat(raw.json()).isEqualTo(Json.parse(Json.write(remote.toMap())));
        assertThat(remote.permissions()).extracting(p -> p.toString()).contains(
                "sagemaker:CreateWorkteam on " + TEAMS + "annotators", "sagemaker:ListWorkteams on *");
        assertThat(TestClients.send(server.endpoint(), "GET", "/_fake/iam/required-policy?account=1",
                Map.of(), null).status()).isEqualTo(400);
    }

    /** A realistic piece of code: a workforce, a tagged team, tending it, tearing both down. */
    static void provisionAndTearDown(SageMakerClient sageMaker) {
        sageMaker.createWorkforce(r -> r.workforceName("labelers")
                .cognitoConfig(c -> c.userPool("us-east-1_abc123").clientId("c")));
        for (int read = 0; read < 10 && sageMaker.describeWorkforce(r -> r.workforceName("labelers")).workforce()
                .statusAsString().equals("Initializing"); read++) {
            // polls as code for AWS does
        }
        String arn = sageMaker.createWorkteam(r -> r.workteamName("annotators").description("d")
                .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123"))
                .tags(Tag.builder().key("cost-center").value("ml").build())).workteamArn();
        sageMaker.updateWorkteam(r -> r.workteamName("annotators").description("Annotators"));
        sageMaker.listTags(r -> r.resourceArn(arn));
        sageMaker.listWorkteams(r -> { });
        sageMaker.deleteWorkteam(r -> r.workteamName("annotators"));
        sageMaker.deleteWorkforce(r -> r.workforceName("labelers"));
    }

    @Test
    void theRoundTripOverHttpTheRequiredPolicyOfARunIsEnoughForTheSameRun() {
        try (SageMakerClient sageMaker = TestClients.urlConnection(server.endpoint())) {
            provisionAndTearDown(sageMaker);
            String required = TestClients.send(server.endpoint(), "GET", "/_fake/iam/required-policy", Map.of(), null)
                    .body();
            control.reset();
            assertThat(TestClients.send(server.endpoint(), "PUT", "/_fake/iam/policy",
                    Map.of("Content-Type", "application/json"), required).status()).isEqualTo(200);

            provisionAndTearDown(sageMaker);
            assertThat(control.journal()).allMatch(e -> e.succeeded(), "every call succeeded under the derived policy");
            assertThat(control.requiredPolicy().toMap()).isEqualTo(Json.parse(required));
            assertThatThrownBy(() -> sageMaker.describeWorkteam(r -> r.workteamName("annotators")))
                    .hasMessageContaining("not authorized to perform: sagemaker:DescribeWorkteam");
        }
    }

    @Test
    void aPolicyPerAccessKeyOverTheAdminApi() {
        control.setIamPolicy("123456789012", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"sagemaker:List*\",\"Resource\":\"*\"}}");
        try (SageMakerClient sageMaker = TestClients.urlConnection(server.endpoint())) {
            assertThat(sageMaker.listWorkforces(r -> { }).workforces()).isEmpty();
            assertThatThrownBy(() -> sageMaker.describeWorkforce(r -> r.workforceName("w")))
                    .hasMessageStartingWith("User: " + USER + " is not authorized to perform: sagemaker:DescribeWorkforce"
                            + " on resource: arn:aws:sagemaker:us-east-1:123456789012:workforce/w because");
        }
        control.setIamPolicy("123456789012", null);
        try (SageMakerClient sageMaker = TestClients.urlConnection(server.endpoint())) {
            assertThatThrownBy(() -> sageMaker.describeWorkforce(r -> r.workforceName("w")))
                    .hasMessageContaining("No workforce"); // enforcement off again: the service's own answer
        }
    }

    @Test
    void theIamPolicyOptionIsReadAndCheckedAtStart(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("role.json"), POLICY);
        ServerConfig config = ServerConfig.parse(new String[] {"--iam-policy", good.toString()}, Map.of());
        assertThat(config.iamPolicy().json()).isEqualTo(POLICY);
        assertThat(ServerConfig.parse(new String[0], Map.of("SAGEMAKER_FAKE_IAM_POLICY", good.toString()))
                .iamPolicy().path()).isEqualTo(good);

        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":"
                + "\"Allow\",\"Action\":\"sagemaker:*\",\"Resource\":\"*\",\"Condition\":{\"StringEqualz\":{\"k\":\"v\"}}}}");
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--iam-policy", bad.toString()}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--iam-policy: IAM policy from " + bad + " refused at "
                        + "$.Statement.Condition.StringEqualz[\"k\"]: \"StringEqualz\" is not an IAM condition operator");
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--iam-policy", dir.resolve("none.json")
                .toString()}, Map.of())).hasMessageStartingWith("--iam-policy: cannot read the policy file");
        assertThat(ServerMain.usage()).contains("--iam-policy FILE", "SAGEMAKER_FAKE_IAM_POLICY");
    }

    // ------------------------------------------------------------------ boto3

    @Test
    @SuppressWarnings("unchecked")
    void boto3GetsAccessDeniedExceptionWithHttp400AndAwsWords() throws Exception {
        assumePython();
        ProcessBuilder pb = new ProcessBuilder("python3", Path.of(System.getProperty("basedir", "."), "src", "test",
                "python", "boto3_iam.py").toString(), server.endpoint().toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "123456789012", "AWS_SECRET_ACCESS_KEY", "x",
                "AWS_DEFAULT_REGION", "us-east-1", "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE",
                "/dev/null", "AWS_EC2_METADATA_DISABLED", "true"));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        Map<String, Object> steps = (Map<String, Object>) Json.parse(out);

        assertThat(step(steps, "CreateWorkteam allowed")).containsKey("ok");
        assertThat(step(steps, "DescribeWorkteam allowed")).containsKey("ok");
        assertThat(step(steps, "ListWorkteams")).containsKey("ok");
        assertThat(denied(steps, "CreateWorkteam other")).isEqualTo(Map.of("Code", "AccessDeniedException",
                "Status", BigDecimal.valueOf(400), "Message", "User: " + USER + " is not authorized to perform: "
                        + "sagemaker:CreateWorkteam on resource: " + TEAMS + "other because no identity-based policy "
                        + "allows the sagemaker:CreateWorkteam action"));
        assertThat(denied(steps, "CreateWorkteam with tags").get("Message")).isEqualTo("User: " + USER + " is not "
                + "authorized to perform: sagemaker:AddTags on resource: " + TEAMS + "allowed-2 because no "
                + "identity-based policy allows the sagemaker:AddTags action");
        assertThat(denied(steps, "DeleteWorkteam").get("Message")).isEqualTo("User: " + USER + " is not authorized "
                + "to perform: sagemaker:DeleteWorkteam on resource: " + TEAMS + "allowed-1 with an explicit deny in an "
                + "identity-based policy");
        assertThat(denied(steps, "ListWorkforces").get("Message")).isEqualTo("User: " + USER + " is not authorized to "
                + "perform: sagemaker:ListWorkforces because no identity-based policy allows the "
                + "sagemaker:ListWorkforces action");
        assertThat(fake.state("123456789012", "us-east-1").workteamNames()).containsExactly("allowed-1");
        Map<String, Object> required = (Map<String, Object>) steps.get("RequiredPolicy");
        assertThat(Json.write(required)).contains("\"sagemaker:ListWorkforces\"", "\"" + TEAMS + "other\"",
                "\"sagemaker:TaggingAction\":\"CreateWorkteam\"");
        assertThat((List<?>) ((Map<String, Object>) steps.get("State")).get("Workteams")).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> step(Map<String, Object> steps, String name) {
        return (Map<String, Object>) steps.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> denied(Map<String, Object> steps, String name) {
        Map<String, Object> step = step(steps, name);
        assertThat(step).as(name).containsKey("error");
        return (Map<String, Object>) step.get("error");
    }

    private static void assumePython() throws Exception {
        boolean available;
        try {
            Process p = new ProcessBuilder("python3", "-c", "import boto3").start();
            available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            available = false;
        }
        if (!available && "true".equalsIgnoreCase(System.getenv("SAGEMAKER_FAKE_REQUIRE_CLIENTS"))) {
            throw new AssertionError("python3 with boto3 is not installed; SAGEMAKER_FAKE_REQUIRE_CLIENTS=true forbids "
                    + "skipping it");
        }
        assumeTrue(available, "python3 with boto3 is not installed; pip install boto3 to run this test");
    }
}
