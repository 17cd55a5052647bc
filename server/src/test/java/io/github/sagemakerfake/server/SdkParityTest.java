package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeControl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AddTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.CognitoMemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkforceRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteWorkforceRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeSubscribedWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkforceRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsForWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.ListSubscribedWorkteamsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListWorkforcesRequest;
import software.amazon.awssdk.services.sagemaker.model.ListWorkteamsRequest;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.UpdateWorkforceRequest;
import software.amazon.awssdk.services.sagemaker.model.UpdateWorkteamRequest;

/**
 * The same scenario, covering all 16 operations with their success and error paths, through the
 * in-process client and through the server with the SDK's real HTTP clients (sync over
 * url-connection and Apache, async over Netty): the outcomes must be the same, step by step, up
 * to timestamps and the random portal subdomain.
 */
class SdkParityTest {

    private static final String WORKFORCE_ARN = "arn:aws:sagemaker:us-east-1:123456789012:workforce/main";
    private static final String LABELERS_ARN = "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/labelers";
    private static final String VENDOR_ARN = "arn:aws:sagemaker:us-east-1:394669845002:workteam/vendor-crowd/acme";
    private static final String SEED = "{\"SubscribedWorkteams\":[{\"WorkteamArn\":\"" + VENDOR_ARN + "\","
            + "\"MarketplaceTitle\":\"Acme labeling\",\"SellerName\":\"Acme\",\"ListingId\":\"prod-acme\"}],"
            + "\"LabelingJobs\":[{\"WorkteamName\":\"labelers\",\"LabelingJobName\":\"cats\","
            + "\"JobReferenceCode\":\"ref-1\",\"WorkRequesterAccountId\":\"123456789012\","
            + "\"CreationTime\":\"2024-05-01T12:00:00Z\"}]}";

    /** One step: an SDK call made the same way sync and async, or a control action on the fake. */
    private record Step(String name, Function<SageMakerClient, Object> sync,
                        Function<SageMakerAsyncClient, CompletableFuture<?>> async, Consumer<FakeControl> control) {
    }

    private static <Q> Step call(String name, Q request, BiFunction<SageMakerClient, Q, ?> sync,
                                 BiFunction<SageMakerAsyncClient, Q, CompletableFuture<?>> async) {
        return new Step(name, c -> sync.apply(c, request), a -> async.apply(a, request), null);
    }

    private static Step control(String name, Consumer<FakeControl> action) {
        return new Step(name, null, null, action);
    }

    private static MemberDefinition cognito(String group) {
        return MemberDefinition.builder().cognitoMemberDefinition(CognitoMemberDefinition.builder()
                .userPool("us-east-1_abc123").clientId("client1").userGroup(group).build()).build();
    }

    private static List<Step> scenario() {
        List<Step> s = new ArrayList<>();
        s.add(call("ListWorkforces empty", ListWorkforcesRequest.builder().build(),
                SageMakerClient::listWorkforces, SageMakerAsyncClient::listWorkforces));
        s.add(call("DescribeWorkforce missing", DescribeWorkforceRequest.builder().workforceName("main").build(),
                SageMakerClient::describeWorkforce, SageMakerAsyncClient::describeWorkforce));
        CreateWorkforceRequest createWorkforce = CreateWorkforceRequest.builder().workforceName("main")
                .cognitoConfig(c -> c.userPool("us-east-1_abc123").clientId("client1"))
                .tags(Tag.builder().key("env").value("test").build()).build();
        s.add(call("CreateWorkforce", createWorkforce,
                SageMakerClient::createWorkforce, SageMakerAsyncClient::createWorkforce));
        s.add(call("CreateWorkforce second", createWorkforce,
                SageMakerClient::createWorkforce, SageMakerAsyncClient::createWorkforce));
        s.add(call("DescribeWorkforce", DescribeWorkforceRequest.builder().workforceName("main").build(),
                SageMakerClient::describeWorkforce, SageMakerAsyncClient::describeWorkforce));
        s.add(call("UpdateWorkforce", UpdateWorkforceRequest.builder().workforceName("main")
                        .sourceIpConfig(c -> c.cidrs("10.0.0.0/16", "192.168.0.0/24")).build(),
                SageMakerClient::updateWorkforce, SageMakerAsyncClient::updateWorkforce));
        s.add(call("ListWorkforces", ListWorkforcesRequest.builder().build(),
                SageMakerClient::listWorkforces, SageMakerAsyncClient::listWorkforces));
        s.add(call("CreateWorkteam labelers", CreateWorkteamRequest.builder().workteamName("labelers")
                        .workforceName("main").description("Labels images").memberDefinitions(cognito("labelers"))
                        .tags(Tag.builder().key("team").value("a").build()).build(),
                SageMakerClient::createWorkteam, SageMakerAsyncClient::createWorkteam));
        s.add(call("CreateWorkteam reviewers", CreateWorkteamRequest.builder().workteamName("reviewers")
                        .description("Reviews labels").memberDefinitions(cognito("reviewers")).build(),
                SageMakerClient::createWorkteam, SageMakerAsyncClient::createWorkteam));
        s.add(call("CreateWorkteam duplicate", CreateWorkteamRequest.builder().workteamName("labelers")
                        .description("again").memberDefinitions(cognito("labelers")).build(),
                SageMakerClient::createWorkteam, SageMakerAsyncClient::createWorkteam));
        s.add(call("DescribeWorkteam", DescribeWorkteamRequest.builder().workteamName("labelers").build(),
                SageMakerClient::describeWorkteam, SageMakerAsyncClient::describeWorkteam));
        s.add(call("DescribeWorkteam missing", DescribeWorkteamRequest.builder().workteamName("nobody").build(),
                SageMakerClient::describeWorkteam, SageMakerAsyncClient::describeWorkteam));
        s.add(call("UpdateWorkteam", UpdateWorkteamRequest.builder().workteamName("labelers")
                        .description("Labels images and video").build(),
                SageMakerClient::updateWorkteam, SageMakerAsyncClient::updateWorkteam));
        s.add(call("UpdateWorkteam missing", UpdateWorkteamRequest.builder().workteamName("nobody")
                        .description("x").build(),
                SageMakerClient::updateWorkteam, SageMakerAsyncClient::updateWorkteam));
        s.add(call("ListWorkteams", ListWorkteamsRequest.builder().sortBy("Name").build(),
                SageMakerClient::listWorkteams, SageMakerAsyncClient::listWorkteams));
        s.add(call("ListWorkteams page", ListWorkteamsRequest.builder().maxResults(1).build(),
                SageMakerClient::listWorkteams, SageMakerAsyncClient::listWorkteams));
        s.add(call("AddTags", AddTagsRequest.builder().resourceArn(LABELERS_ARN)
                        .tags(Tag.builder().key("cost-center").value("42").build(),
                                Tag.builder().key("team").value("b").build()).build(),
                SageMakerClient::addTags, SageMakerAsyncClient::addTags));
        s.add(call("ListTags", ListTagsRequest.builder().resourceArn(LABELERS_ARN).build(),
                SageMakerClient::listTags, SageMakerAsyncClient::listTags));
        s.add(call("DeleteTags", DeleteTagsRequest.builder().resourceArn(LABELERS_ARN).tagKeys("team").build(),
                SageMakerClient::deleteTags, SageMakerAsyncClient::deleteTags));
        s.add(call("ListTags after delete", ListTagsRequest.builder().resourceArn(LABELERS_ARN).build(),
                SageMakerClient::listTags, SageMakerAsyncClient::listTags));
        s.add(call("AddTags workforce", AddTagsRequest.builder().resourceArn(WORKFORCE_ARN)
                        .tags(Tag.builder().key("k").value("v").build()).build(),
                SageMakerClient::addTags, SageMakerAsyncClient::addTags));
        s.add(control("seed", fake -> fake.seed(SEED)));
        s.add(call("ListLabelingJobsForWorkteam", ListLabelingJobsForWorkteamRequest.builder()
                        .workteamArn(LABELERS_ARN).build(),
                SageMakerClient::listLabelingJobsForWorkteam, SageMakerAsyncClient::listLabelingJobsForWorkteam));
        s.add(call("ListLabelingJobsForWorkteam unknown", ListLabelingJobsForWorkteamRequest.builder()
                        .workteamArn(LABELERS_ARN.replace("labelers", "ghosts")).build(),
                SageMakerClient::listLabelingJobsForWorkteam, SageMakerAsyncClient::listLabelingJobsForWorkteam));
        s.add(call("ListSubscribedWorkteams", ListSubscribedWorkteamsRequest.builder().build(),
                SageMakerClient::listSubscribedWorkteams, SageMakerAsyncClient::listSubscribedWorkteams));
        s.add(call("DescribeSubscribedWorkteam", DescribeSubscribedWorkteamRequest.builder()
                        .workteamArn(VENDOR_ARN).build(),
                SageMakerClient::describeSubscribedWorkteam, SageMakerAsyncClient::describeSubscribedWorkteam));
        s.add(call("DescribeSubscribedWorkteam unknown", DescribeSubscribedWorkteamRequest.builder()
                        .workteamArn(VENDOR_ARN.replace("acme", "nobody")).build(),
                SageMakerClient::describeSubscribedWorkteam, SageMakerAsyncClient::describeSubscribedWorkteam));
        s.add(call("DeleteWorkforce with teams", DeleteWorkforceRequest.builder().workforceName("main").build(),
                SageMakerClient::deleteWorkforce, SageMakerAsyncClient::deleteWorkforce));
        s.add(call("DeleteWorkteam reviewers", DeleteWorkteamRequest.builder().workteamName("reviewers").build(),
                SageMakerClient::deleteWorkteam, SageMakerAsyncClient::deleteWorkteam));
        s.add(call("DeleteWorkteam labelers", DeleteWorkteamRequest.builder().workteamName("labelers").build(),
                SageMakerClient::deleteWorkteam, SageMakerAsyncClient::deleteWorkteam));
        s.add(call("DeleteWorkteam missing", DeleteWorkteamRequest.builder().workteamName("labelers").build(),
                SageMakerClient::deleteWorkteam, SageMakerAsyncClient::deleteWorkteam));
        s.add(call("DeleteWorkforce", DeleteWorkforceRequest.builder().workforceName("main").build(),
                SageMakerClient::deleteWorkforce, SageMakerAsyncClient::deleteWorkforce));
        s.add(call("UpdateWorkforce missing", UpdateWorkforceRequest.builder().workforceName("main")
                        .sourceIpConfig(c -> c.cidrs("10.0.0.0/16")).build(),
                SageMakerClient::updateWorkforce, SageMakerAsyncClient::updateWorkforce));
        s.add(call("ListWorkforces at the end", ListWorkforcesRequest.builder().build(),
                SageMakerClient::listWorkforces, SageMakerAsyncClient::listWorkforces));
        return s;
    }

    private static List<String> runSync(SageMakerClient client, FakeControl fake) {
        List<String> outcomes = new ArrayList<>();
        for (Step step : scenario()) {
            if (step.control() != null) {
                step.control().accept(fake);
                continue;
            }
            try {
                outcomes.add(step.name() + " -> OK " + normalize(step.sync().apply(client).toString()));
            } catch (AwsServiceException e) {
                outcomes.add(step.name() + " -> " + describe(e));
            }
        }
        return outcomes;
    }

    private static List<String> runAsync(SageMakerAsyncClient client, FakeControl fake) {
        List<String> outcomes = new ArrayList<>();
        for (Step step : scenario()) {
            if (step.control() != null) {
                step.control().accept(fake);
                continue;
            }
            try {
                outcomes.add(step.name() + " -> OK " + normalize(step.async().apply(client).join().toString()));
            } catch (CompletionException e) {
                assertThat(e.getCause()).as(step.name()).isInstanceOf(AwsServiceException.class);
                outcomes.add(step.name() + " -> " + describe((AwsServiceException) e.getCause()));
            }
        }
        return outcomes;
    }

    private static String describe(AwsServiceException e) {
        return "ERROR " + e.getClass().getSimpleName() + " " + e.statusCode() + " "
                + e.awsErrorDetails().errorCode() + ": " + normalize(e.awsErrorDetails().errorMessage());
    }

    /** Timestamps, the random portal subdomain and page tokens (which embed a time) differ between two fakes. */
    private static String normalize(String text) {
        return text.replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "<time>")
                .replaceAll("NextToken=[^,)]+", "NextToken=<token>")
                .replaceAll("[a-z0-9]{10}\\.labeling\\.", "<subdomain>.labeling.");
    }

    private static List<String> inProcessOutcomes() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create()) {
            return runSync(fake.client(), fake);
        }
    }

    @ParameterizedTest(name = "sync client over {0}")
    @ValueSource(strings = {"url-connection", "apache"})
    void syncClientsOverHttpBehaveLikeTheInProcessClient(String httpClient) {
        List<String> expected = inProcessOutcomes();
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
             SageMakerWorkforceServer server = SageMakerWorkforceServer.start(fake);
             SageMakerClient client = httpClient.equals("apache")
                     ? TestClients.apache(server.endpoint()) : TestClients.urlConnection(server.endpoint())) {
            List<String> actual = runSync(client, fake);
            assertThat(actual).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void asyncClientOverNettyBehavesLikeTheInProcessClient() {
        List<String> expected = inProcessOutcomes();
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
             SageMakerWorkforceServer server = SageMakerWorkforceServer.start(fake);
             SageMakerAsyncClient client = TestClients.netty(server.endpoint())) {
            assertThat(runAsync(client, fake)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theScenarioCoversAllSixteenOperationsAndTheirErrors() {
        List<String> outcomes = inProcessOutcomes();
        assertThat(outcomes.stream().map(o -> o.split(" ")[0]).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                "CreateWorkforce", "DescribeWorkforce", "UpdateWorkforce", "DeleteWorkforce", "ListWorkforces",
                "CreateWorkteam", "DescribeWorkteam", "UpdateWorkteam", "DeleteWorkteam", "ListWorkteams",
                "AddTags", "ListTags", "DeleteTags", "ListLabelingJobsForWorkteam", "ListSubscribedWorkteams",
                "DescribeSubscribedWorkteam");
        assertThat(String.join("\n", outcomes))
                .contains("CreateWorkforce second -> ERROR SageMakerException 400 ValidationException: Cannot create "
                        + "more than one workforce")
                .contains("CreateWorkteam duplicate -> ERROR ResourceInUseException 400 ResourceInUse")
                .contains("DescribeWorkteam missing -> ERROR SageMakerException 400 ValidationException: The work team")
                .contains("ListLabelingJobsForWorkteam unknown -> ERROR ResourceNotFoundException 400 ResourceNotFound")
                .contains("DeleteWorkforce with teams -> ERROR ResourceInUseException 400 ResourceInUse")
                .contains("AddTags workforce -> ERROR SageMakerException 400 ValidationException: Invalid resource "
                        + "type: workforce")
                .contains("ListLabelingJobsForWorkteam -> OK ListLabelingJobsForWorkteamResponse(LabelingJobSummaryList="
                        + "[LabelingJobForWorkteamSummary(LabelingJobName=cats");
    }
}
