package io.github.sagemakerfake.examples;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatJournal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.examples.ReconcileReport.Problem;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;

/**
 * The reconciler against a fresh in-process fake per test: the SageMakerClient and FakeControl are
 * injected by {@code @SageMakerWorkforceTest}, the Notifier is a Mockito mock (it is our own
 * interface, whose behaviour we define, so mocking it is right; SageMaker's is not ours to guess).
 */
@SageMakerWorkforceTest
@ExtendWith(MockitoExtension.class)
class WorkteamReconcilerTest {

    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:labeling-tasks";

    static final DesiredState LABELERS_AND_REVIEWERS = DesiredState.parse("""
            cognito.userPool = us-east-1_AbC123
            cognito.clientId = labeling-portal
            teams = labelers, reviewers
            team.labelers.description = Labels street scenes
            team.labelers.groups = labelers, labelers-night
            team.labelers.notificationTopic = arn:aws:sns:us-east-1:123456789012:labeling-tasks
            team.reviewers.description = Reviews labels
            team.reviewers.groups = reviewers
            """);

    @Mock
    Notifier notifier;

    SageMakerClient sageMaker;
    FakeControl fake;
    WorkteamReconciler reconciler;

    @BeforeEach
    void setUp(SageMakerClient sageMaker, FakeControl fake) {
        this.sageMaker = sageMaker;
        this.fake = fake;
        // Throttling is not this class's subject (see ReconcilerFaultInjectionTest): no pauses.
        this.reconciler = new WorkteamReconciler(sageMaker, notifier,
                new ThrottlingRetry(3, Duration.ofSeconds(2), Duration.ofSeconds(30), pause -> { }));
    }

    @Test
    void createsTheMissingTeamsTaggedAsItsOwn() {
        ReconcileReport report = reconciler.reconcile(LABELERS_AND_REVIEWERS);

        assertThat(report.created()).containsExactly("labelers", "reviewers");
        assertThat(report.isConverged()).isTrue();
        assertThat(fake).hasOnlyWorkteamsNamed("labelers", "reviewers");
        assertThat(fake).hasWorkteam("labelers")
                .hasDescription("Labels street scenes")
                .usesCognitoUserPool("us-east-1_AbC123")
                .hasMemberGroupsExactly("labelers", "labelers-night")
                .hasNotificationTopic(TOPIC)
                .hasTag("managed-by", "reconciler");
        assertThat(fake).hasWorkteam("reviewers").hasNoNotificationTopic().hasTag("managed-by", "reconciler");
        // The first Cognito team made the workforce, as in SageMaker; no read has shown it yet.
        assertThat(fake).hasWorkforceNamed("default").isInitializing();

        verify(notifier).teamCreated("labelers");
        verify(notifier).teamCreated("reviewers");
        verifyNoMoreInteractions(notifier);
    }

    @Test
    void aSecondRunChangesNothingAndNotifiesNobody() {
        reconciler.reconcile(LABELERS_AND_REVIEWERS);
        clearInvocations(notifier);
        fake.clearJournal();

        ReconcileReport report = reconciler.reconcile(LABELERS_AND_REVIEWERS);

        assertThat(report.unchanged()).containsExactly("labelers", "reviewers");
        verifyNoInteractions(notifier);
        assertThatJournal(fake)
                .hasNoFailedCalls()
                .hasNeverCalled("CreateWorkteam")
                .hasNeverCalled("UpdateWorkteam")
                .hasNeverCalled("DeleteWorkteam");
    }

    @Test
    void aDescriptionChangeKeepsTheTopic() {
        reconciler.reconcile(LABELERS_AND_REVIEWERS);

        reconciler.reconcile(DesiredState.parse("""
                cognito.userPool = us-east-1_AbC123
                cognito.clientId = labeling-portal
                teams = labelers, reviewers
                team.labelers.description = Labels street scenes at night
                team.labelers.groups = labelers, labelers-night
                team.labelers.notificationTopic = arn:aws:sns:us-east-1:123456789012:labeling-tasks
                team.reviewers.description = Reviews labels
                team.reviewers.groups = reviewers
                """));

        // UpdateWorkteam without NotificationConfiguration would remove the topic, as SageMaker does.
        assertThat(fake).hasWorkteam("labelers").hasDescription("Labels street scenes at night")
                .hasNotificationTopic(TOPIC);
    }

    @Test
    void updatesOnlyWhatDiffers() {
        reconciler.reconcile(LABELERS_AND_REVIEWERS);
        clearInvocations(notifier);

        ReconcileReport report = reconciler.reconcile(DesiredState.parse("""
                cognito.userPool = us-east-1_AbC123
                cognito.clientId = labeling-portal
                teams = labelers, reviewers
                team.labelers.description = Labels street scenes and signs
                team.labelers.groups = labelers-night, labelers
                team.reviewers.description = Reviews labels
                team.reviewers.groups = reviewers, senior-reviewers
                team.reviewers.notificationTopic = arn:aws:sns:us-east-1:123456789012:labeling-tasks
                """));

        assertThat(report.updated()).containsExactly(
                Map.entry("labelers", List.of("description", "notification topic")),
                Map.entry("reviewers", List.of("member groups", "notification topic")));
        assertThat(fake).hasWorkteam("labelers")
                .hasDescription("Labels street scenes and signs")
                .hasMemberGroupsExactly("labelers", "labelers-night")   // a new order alone is no change
                .hasNoNotificationTopic();                               // sent as NotificationConfiguration: {}
        assertThat(fake).hasWorkteam("reviewers")
                .hasMemberGroupsExactly("reviewers", "senior-reviewers")
                .hasNotificationTopic(TOPIC);
        // UpdateWorkteam carries only what changed.
        assertThatJournal(fake).hasCall("UpdateWorkteam", "an update of labelers without MemberDefinitions",
                request -> "labelers".equals(request.get("WorkteamName")) && !request.containsKey("MemberDefinitions"));

        verify(notifier).teamUpdated("labelers", List.of("description", "notification topic"));
        verify(notifier).teamUpdated("reviewers", List.of("member groups", "notification topic"));
        verifyNoMoreInteractions(notifier);
    }

    @Test
    void deletesOnlyTheTeamsItManages() {
        createByHand("annotators");
        reconciler.reconcile(LABELERS_AND_REVIEWERS);

        ReconcileReport report = reconciler.reconcile(DesiredState.parse("""
                cognito.userPool = us-east-1_AbC123
                cognito.clientId = labeling-portal
                teams = labelers
                team.labelers.description = Labels street scenes
                team.labelers.groups = labelers, labelers-night
                team.labelers.notificationTopic = arn:aws:sns:us-east-1:123456789012:labeling-tasks
                """));

        assertThat(report.deleted()).containsExactly("reviewers");
        assertThat(fake).hasOnlyWorkteamsNamed("labelers", "annotators");
        verify(notifier).teamDeleted("reviewers");
    }

    @Test
    void leavesADesiredTeamThatItDidNotCreateAlone() {
        createByHand("labelers");

        ReconcileReport report = reconciler.reconcile(LABELERS_AND_REVIEWERS);

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.NOT_MANAGED);
            assertThat(problem.teams()).containsExactly("labelers");
            assertThat(problem.message()).contains("without the tag managed-by=reconciler");
        });
        assertThat(fake).hasWorkteam("labelers").hasDescription("Made by hand").hasNoTags();
        assertThat(report.created()).containsExactly("reviewers");
        assertThatJournal(fake).hasNeverCalled("UpdateWorkteam");
    }

    @Test
    void seesTeamsBeyondTheFirstPage() {
        // ListWorkteams answers 10 teams per page by default: 12 teams take two pages.
        reconciler.reconcile(teams(12));
        fake.clearJournal();

        ReconcileReport report = reconciler.reconcile(teams(1));

        assertThat(report.deleted()).hasSize(11).contains("team-11", "team-12");
        assertThat(fake).hasOnlyWorkteamsNamed("team-01");
        assertThatJournal(fake).hasCalledTimes("ListWorkteams", 2);
    }

    @Test
    void reportsTheTwentyFiveTeamLimitOnceForEveryTeamNotCreated() {
        ReconcileReport report = reconciler.reconcile(teams(27));

        assertThat(report.created()).hasSize(25);
        assertThat(report.isConverged()).isFalse();
        assertThat(report.workteamLimitReached()).hasValueSatisfying(problem -> {
            assertThat(problem.teams()).containsExactly("team-26", "team-27");
            assertThat(problem.message())
                    .contains("2 desired team(s) do not exist: [team-26, team-27]")
                    .contains("You cannot create more than 25 work teams");
        });
        assertThat(fake).hasWorkteamCount(25).doesNotHaveWorkteam("team-26");
        // One refusal is enough: team-27 is not even tried.
        assertThatJournal(fake).hasCalledTimes("CreateWorkteam", 26).hasFailedCall("CreateWorkteam", "ResourceLimitExceeded");
        verify(notifier).workteamLimitReached(eq(List.of("team-26", "team-27")), contains("25 work teams"));
    }

    @Test
    void deletesBeforeItCreatesSoThatFreedSlotsCount() {
        reconciler.reconcile(teams(25));

        // Replace team-24 and team-25 with two new teams while at the limit.
        String desired = teamsText(23) + """
                teams = %s, new-a, new-b
                team.new-a.description = New A
                team.new-a.groups = new-a
                team.new-b.description = New B
                team.new-b.groups = new-b
                """.formatted(names(23));
        ReconcileReport report = reconciler.reconcile(DesiredState.parse(desired));

        assertThat(report.isConverged()).as(report.summary()).isTrue();
        assertThat(report.deleted()).containsExactly("team-24", "team-25");
        assertThat(report.created()).containsExactly("new-a", "new-b");
        assertThat(fake).hasWorkteamCount(25).hasWorkteamsNamed("new-a", "new-b");
        assertThatJournal(fake).hasCalledInOrder("DeleteWorkteam", "DeleteWorkteam", "CreateWorkteam");
    }

    @Test
    void reportsWhatSageMakerRefusesAndCarriesOn() {
        ReconcileReport report = reconciler.reconcile(DesiredState.parse("""
                cognito.userPool = us-east-1_AbC123
                cognito.clientId = labeling-portal
                teams = image_labelers, reviewers
                team.image_labelers.description = Underscores are not allowed in work team names
                team.image_labelers.groups = labelers
                team.reviewers.description = Reviews labels
                team.reviewers.groups = reviewers
                """));

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.FAILED);
            assertThat(problem.teams()).containsExactly("image_labelers");
            assertThat(problem.message()).startsWith("ValidationException: 1 validation error detected: "
                    + "Value 'image_labelers' at 'workteamName' failed to satisfy constraint");
        });
        assertThat(report.created()).containsExactly("reviewers");
    }

    @Nested
    class WhenTheWorkforceUsesAnotherUserPool {

        @BeforeEach
        void aWorkforceExists() {
            sageMaker.createWorkforce(r -> r.workforceName("default")
                    .cognitoConfig(c -> c.userPool("us-east-1_Other1").clientId("other-client")));
        }

        @Test
        void eachTeamIsReportedWithTheServicesReason() {
            ReconcileReport report = reconciler.reconcile(LABELERS_AND_REVIEWERS);

            assertThat(report.problems()).extracting(Problem::kind).containsOnly(Problem.Kind.FAILED);
            assertThat(report.problems()).flatExtracting(Problem::teams).containsExactly("labelers", "reviewers");
            assertThat(fake).hasNoWorkteams();
            verifyNoInteractions(notifier);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A team made outside the reconciler: no managed-by tag. */
    private void createByHand(String name) {
        sageMaker.createWorkteam(r -> r.workteamName(name).description("Made by hand")
                .memberDefinitions(MemberDefinition.builder().cognitoMemberDefinition(c -> c
                        .userPool("us-east-1_AbC123").clientId("labeling-portal").userGroup(name)).build()));
    }

    static DesiredState teams(int count) {
        return DesiredState.parse(teamsText(count) + "teams = " + names(count) + "\n");
    }

    private static String teamsText(int count) {
        StringBuilder text = new StringBuilder("""
                cognito.userPool = us-east-1_AbC123
                cognito.clientId = labeling-portal
                """);
        IntStream.rangeClosed(1, count).mapToObj(WorkteamReconcilerTest::name).forEach(name -> text
                .append("team.").append(name).append(".description = Team ").append(name).append('\n')
                .append("team.").append(name).append(".groups = ").append(name).append('\n'));
        return text.toString();
    }

    private static String names(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(WorkteamReconcilerTest::name).collect(Collectors.joining(", "));
    }

    private static String name(int i) {
        return "team-%02d".formatted(i);
    }
}
