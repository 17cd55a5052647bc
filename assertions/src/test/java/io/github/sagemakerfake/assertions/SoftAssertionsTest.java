package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Fixtures.labelers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.StateSnapshot;
import java.util.List;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

class SoftAssertionsTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();
    private final SageMakerWorkforceSoftAssertions softly = new SageMakerWorkforceSoftAssertions();

    @BeforeEach
    void createLabelers() {
        labelers(sageMaker);
    }

    @AfterEach
    void close() {
        fake.close();
    }

    private List<String> messages() {
        return softly.errorsCollected().stream().map(Throwable::getMessage).toList();
    }

    @Test
    void every_failure_is_collected() {
        softly.assertThat(fake).hasWorkteamCount(3);
        softly.assertThat(fake).hasWorkteam("labelers").hasDescription("Labelers").hasNoTags().usesCognito();
        softly.assertThat(fake).hasWorkforce().usesOidc();
        softly.assertThatJournal(fake).hasNeverCalled("CreateWorkteam").hasNeverCalled("CreateWorkforce");
        softly.assertThatSageMakerCall(() -> Fixtures.cognitoTeam(sageMaker, "labelers", "L", "g")).isResourceLimitExceeded();
        softly.assertThat(Fixtures.validationError(Fixtures.BAD_TEAM_NAME)).isValidationErrorOn("description");
        softly.assertThat(sageMaker.describeWorkteam(r -> r.workteamName("labelers"))).hasName("reviewers");
        softly.assertThat(fake.state().workforce().orElseThrow()).hasStatus("Failed");

        assertThat(messages()).hasSize(9).satisfiesExactly(
                m -> assertThat(m).startsWith("Expecting 3 work teams in"),
                m -> assertThat(m).startsWith("Expecting work team \"labelers\" to have description:"),
                m -> assertThat(m).startsWith("Expecting work team \"labelers\" to have no tags"),
                m -> assertThat(m).startsWith("Expecting workforce \"default\" to use an OIDC identity provider"),
                m -> assertThat(m).startsWith("Expecting CreateWorkteam never to have been called"),
                m -> assertThat(m).startsWith("Expecting a ResourceLimitExceeded error, but was ResourceInUse"),
                m -> assertThat(m).startsWith("Expecting a validation error on \"description\""),
                m -> assertThat(m).contains("\"reviewers\""),
                m -> assertThat(m).startsWith("Expecting workforce \"default\" to have status \"Failed\""));
        assertThatExceptionOfType(AssertionError.class).isThrownBy(softly::assertAll)
                .withMessageContaining("Multiple Failures (9 failures)");
    }

    @Test
    void a_missing_team_is_reported_once_and_the_checks_chained_on_it_are_skipped() {
        softly.assertThat(fake).hasWorkteam("labeler").hasDescription("x").hasTag("k", "v").usesOidc();
        softly.assertThat(fake).hasWorkteam("labelers").hasDescription("Image labelers for project Atlas");

        assertThat(messages()).singleElement().asString()
                .startsWith("Expecting a work team named \"labeler\"")
                .contains("Did you mean: \"labelers\"?");
    }

    @Test
    void a_missing_workforce_is_reported_once() {
        try (SageMakerWorkforceFake empty = SageMakerWorkforceFake.create()) {
            softly.assertThat(empty).hasWorkforce().isActive().usesCognito();
            softly.assertThat(empty).hasWorkforceNamed("default").isActive();
        }

        assertThat(messages()).hasSize(2).allSatisfy(m -> assertThat(m).startsWith("Expecting a workforce"));
    }

    @Test
    void an_operation_never_called_is_reported_once() {
        softly.assertThatJournal(fake).hasCalled("DeleteWorkteam").times(2).allSucceeded();
        softly.assertThatJournal(fake).hasCalled("CreateWorkteam").times(2);

        assertThat(messages()).hasSize(2).satisfiesExactly(
                m -> assertThat(m).startsWith("Expecting DeleteWorkteam to have been called, but it never was."),
                m -> assertThat(m).startsWith("Expecting CreateWorkteam to have been called 2 times, but it was "
                        + "called 1 time"));
    }

    @Test
    void navigation_stays_soft_over_two_steps() {
        StateSnapshot state = fake.snapshot();

        softly.assertThat(state).inDefaultRegion().hasWorkteam("labelers").hasDescription("x").hasNoTags();
        softly.assertThat(state).inRegion("111122223333", "eu-west-1").hasWorkteam("labelers").hasNoTags();
        softly.assertThat((StateSnapshot) null).inDefaultRegion().hasWorkteam("labelers").hasDescription("x");

        assertThat(messages()).hasSize(4).satisfiesExactly(
                m -> assertThat(m).startsWith("Expecting work team \"labelers\" to have description:"),
                m -> assertThat(m).startsWith("Expecting work team \"labelers\" to have no tags"),
                m -> assertThat(m).startsWith("Expecting a work team named \"labelers\" in account 111122223333, "
                        + "region eu-west-1"),
                m -> assertThat(m).contains("Expecting actual not to be null"));
    }

    @Test
    void each_failure_points_at_the_line_of_the_test() {
        softly.assertThat(fake).hasWorkteam("labeler");                    // a failed navigation step
        softly.assertThat(fake).hasWorkteam("labelers").hasDescription("x"); // a failed check after one

        assertThat(messages()).hasSize(2)
                .allSatisfy(m -> assertThat(m).containsPattern("at SoftAssertionsTest\\.each_failure_points_at_the_line"
                        + "_of_the_test\\(SoftAssertionsTest\\.java:\\d+\\)$"));
    }

    @Test
    void a_description_carries_over_in_soft_chains() {
        softly.assertThat(fake).as("after provisioning").hasWorkteam("labelers").hasDescription("x");

        assertThat(messages()).singleElement().asString().startsWith("[after provisioning] Expecting work team");
    }

    @Test
    void the_standard_soft_assertions_are_there_too() {
        softly.assertThat(List.of("labelers")).containsExactly("reviewers");
        softly.assertThat(fake).hasWorkteam("labelers").hasTag("team", "vision");

        assertThat(messages()).singleElement().asString().contains("reviewers");
    }

    @Test
    void nothing_thrown_in_a_soft_call() {
        softly.assertThatSageMakerCall(sageMaker::listWorkteams).isResourceInUse();

        assertThat(messages()).singleElement().asString()
                .startsWith("Expecting a SageMakerException, but nothing was thrown");
    }

    @Test
    void assertSoftly_reports_everything_at_the_end() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> SageMakerWorkforceSoftAssertions.assertSoftly(s -> {
                    s.assertThat(fake).hasWorkteam("labelers").hasDescription("x");
                    s.assertThat(fake).hasNoWorkforce();
                }))
                .withMessageContaining("Multiple Failures (2 failures)")
                .withMessageContaining("to have description")
                .withMessageContaining("Expecting no workforce");
    }

    @Test
    void everything_passing() {
        SageMakerWorkforceSoftAssertions.assertSoftly(s -> {
            s.assertThat(fake).hasWorkteam("labelers").hasTags(Fixtures.labelersTags()).usesCognito();
            s.assertThat(fake).hasWorkforce().isInitializing(); // made by the team, never read yet
            s.assertThatJournal(fake).hasCalled("CreateWorkteam").once();
        });
    }

    @Nested
    @ExtendWith(SoftAssertionsExtension.class)
    class WithTheJUnitExtension {

        @InjectSoftAssertions
        SageMakerWorkforceSoftAssertions injected;

        @Test
        void is_injected() {
            injected.assertThat(fake).hasWorkteam("labelers").hasMemberGroupsExactly("labelers", "reviewers");
            injected.assertThatJournal(fake).hasNoFailedCalls();
        }
    }
}
