package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Fixtures.labelers;
import static io.github.sagemakerfake.assertions.Fixtures.lines;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatJournal;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatSageMakerCall;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.admin.RemoteFakeControl;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.server.SageMakerWorkforceServer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The same assertions, word for word, against the in-process fake and against a running server
 * read through {@link RemoteFakeControl}: the assertions only see the control surface.
 */
class OverTheWireTest {

    /** A fake in one of its forms: its control surface, a client of it, and how to shut it down. */
    record Form(FakeControl control, SageMakerClient client, Runnable shutdown) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            shutdown.run();
        }
    }

    static Stream<Named<java.util.function.Supplier<Form>>> forms() {
        return Stream.of(
                Named.of("in process", () -> {
                    SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
                    return new Form(fake, fake.clientBuilder().build(), fake::close);
                }),
                Named.of("over HTTP with RemoteFakeControl", () -> {
                    SageMakerWorkforceServer server = SageMakerWorkforceServer.start(FakeSettings.defaults());
                    SageMakerClient client = SageMakerClient.builder()
                            .endpointOverride(server.endpoint())
                            .region(Region.US_EAST_1)
                            .credentialsProvider(StaticCredentialsProvider.create(
                                    AwsBasicCredentials.create("123456789012", "secret")))
                            .httpClient(UrlConnectionHttpClient.create())
                            .build();
                    return new Form(RemoteFakeControl.connect(server.endpoint()), client, server::close);
                }));
    }

    @ParameterizedTest
    @MethodSource("forms")
    void state_assertions(java.util.function.Supplier<Form> form) {
        try (Form f = form.get()) {
            labelers(f.client());
            Fixtures.cognitoTeam(f.client(), "reviewers", "Reviewers", "reviewers");

            assertThat(f.control())
                    .hasOnlyWorkteamsNamed("labelers", "reviewers")
                    .doesNotHaveWorkteam("qa");
            assertThat(f.control()).hasWorkteam("labelers")
                    .hasDescription("Image labelers for project Atlas")
                    .hasMemberGroupsExactly("labelers", "reviewers")
                    .hasTags(Fixtures.labelersTags())
                    .hasNotificationTopic(Fixtures.TOPIC)
                    .belongsToWorkforce("default");
            // The team made the workforce "default", which no read has shown yet: Initializing, as on AWS.
            assertThat(f.control()).hasWorkforce().isInitializing().usesCognitoUserPool(Fixtures.POOL);
            assertThat(f.control().snapshot()).hasResourcesOnlyIn("123456789012", "us-east-1");
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void a_missing_team_shows_near_matches_and_the_journal(java.util.function.Supplier<Form> form) {
        try (Form f = form.get()) {
            labelers(f.client());
            catchThrowable(() -> Fixtures.oidcTeam(f.client(), "labeler", "g")); // OIDC members in a Cognito workforce

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(f.control()).hasWorkteam("labeler"))
                    .withMessageStartingWith(lines(
                            "Expecting a work team named \"labeler\" in account 123456789012, region us-east-1, but "
                                    + "there is none.",
                            "Did you mean: \"labelers\"?",
                            "Work teams there (1): [\"labelers\"]",
                            "Requests naming \"labeler\":",
                            "  #2 CreateWorkteam {\"WorkteamName\":\"labeler\""))
                    .withMessageContaining("-> 400 ValidationException: ");
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void journal_and_error_assertions(java.util.function.Supplier<Form> form) {
        try (Form f = form.get()) {
            labelers(f.client());

            assertThatSageMakerCall(() -> labelers(f.client())).isResourceInUse().hasStatusCode(400);
            assertThatSageMakerCall(() -> f.client().describeWorkteam(r -> r.workteamName("gone"))).isNotFoundQuirk();
            assertThatJournal(f.control())
                    .hasCalledInOrder("CreateWorkteam", "CreateWorkteam", "DescribeWorkteam")
                    .hasCallWithMember("CreateWorkteam", "Tags.0.Key", "team")
                    .hasFailedCall("CreateWorkteam", "ResourceInUse")
                    .hasFailedCall("DescribeWorkteam", "ValidationException")
                    .hasCalled("CreateWorkteam").times(2);
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void soft_assertions(java.util.function.Supplier<Form> form) {
        try (Form f = form.get()) {
            labelers(f.client());
            SageMakerWorkforceSoftAssertions softly = new SageMakerWorkforceSoftAssertions();

            softly.assertThat(f.control()).hasWorkteam("labelers").hasDescription("x").hasNoTags();
            softly.assertThat(f.control()).hasWorkteam("qa").hasDescription("x");
            softly.assertThatJournal(f.control()).hasNeverCalled("CreateWorkteam");

            org.assertj.core.api.Assertions.assertThat(softly.errorsCollected()).hasSize(4);
        }
    }
}
