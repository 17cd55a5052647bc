package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Fixtures.cognitoTeam;
import static io.github.sagemakerfake.assertions.Fixtures.labelers;
import static io.github.sagemakerfake.assertions.Fixtures.lines;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.RegionSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

class RegionStateAssertTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    @AfterEach
    void close() {
        fake.close();
    }

    @Nested
    class Workforce {

        @Test
        void hasWorkforce_leads_to_the_workforce() {
            Fixtures.cognitoWorkforce(sageMaker);

            assertThat(fake).hasWorkforce().hasName("default").isActive();
            assertThat(fake).hasWorkforceNamed("default").usesCognito();
        }

        @Test
        void hasWorkforce_fails_when_there_is_none_and_shows_the_requests_about_it() {
            catchThrowable(() -> sageMaker.createWorkforce(r -> r.workforceName("wf"))); // neither Cognito nor OIDC

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforce())
                    .withMessageStartingWith(lines(
                            "Expecting a workforce in account 123456789012, region us-east-1, but there is none.",
                            "Workforce requests:",
                            "  #1 CreateWorkforce {\"WorkforceName\":\"wf\"} -> 400 ValidationException: "
                                    + "Specify exactly one of CognitoConfig or OidcConfig"));
        }

        @Test
        void on_a_bare_snapshot_the_failure_has_no_journal_part() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake.state()).hasWorkforce())
                    .withMessage("Expecting a workforce in account 123456789012, region us-east-1, but there is none.");
        }

        @Test
        void hasWorkforceNamed_fails_on_another_name() {
            cognitoTeam(sageMaker, "labelers", "Labelers", "g"); // creates the workforce "default"

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforceNamed("main"))
                    .withMessage("Expecting a workforce named \"main\" in account 123456789012, region us-east-1, "
                            + "but the workforce there is named \"default\" (an account has one workforce per region).");
        }

        @Test
        void hasWorkforceNamed_fails_when_there_is_none() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkforceNamed("main"))
                    .withMessageStartingWith("Expecting a workforce named \"main\" in account 123456789012, "
                            + "region us-east-1, but there is none.");
        }

        @Test
        void hasNoWorkforce() {
            assertThat(fake).hasNoWorkforce();

            Fixtures.cognitoWorkforce(sageMaker);
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasNoWorkforce())
                    .withMessageStartingWith(lines(
                            "Expecting no workforce in account 123456789012, region us-east-1, but found:",
                            "  Workforce{\"WorkforceName\":\"default\""));
        }
    }

    @Nested
    class Workteams {

        @Test
        void hasWorkteam_leads_to_the_team() {
            labelers(sageMaker);

            assertThat(fake).hasWorkteam("labelers")
                    .hasDescription("Image labelers for project Atlas")
                    .hasMemberGroupsExactly("labelers", "reviewers");
        }

        @Test
        void hasWorkteam_names_near_matches_and_the_requests_naming_the_team() {
            cognitoTeam(sageMaker, "labelers", "Labelers", "g");
            cognitoTeam(sageMaker, "labeler-eu", "EU labelers", "g");
            cognitoTeam(sageMaker, "reviewers", "Reviewers", "g");
            sageMaker.deleteWorkteam(r -> r.workteamName("reviewers"));
            cognitoTeam(sageMaker, "reviewers-2", "Reviewers", "g");

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkteam("labeler"))
                    .withMessage(lines(
                            "Expecting a work team named \"labeler\" in account 123456789012, region us-east-1, "
                                    + "but there is none.",
                            "Did you mean: \"labelers\", \"labeler-eu\"?",
                            "Work teams there (3): [\"labeler-eu\", \"labelers\", \"reviewers-2\"]",
                            "Requests naming \"labeler\": none in the journal."));
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkteam("reviewers"))
                    .withMessageContaining("Requests naming \"reviewers\":" + System.lineSeparator()
                            + "  #3 CreateWorkteam {\"WorkteamName\":\"reviewers\"")
                    .withMessageContaining("  #4 DeleteWorkteam {\"WorkteamName\":\"reviewers\"} -> 200");
        }

        @Test
        void hasWorkteam_shows_why_the_create_failed() {
            catchThrowable(() -> Fixtures.oidcTeam(sageMaker, "annotators", "annotators")); // no OIDC workforce yet

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkteam("annotators"))
                    .withMessage(lines(
                            "Expecting a work team named \"annotators\" in account 123456789012, region us-east-1, "
                                    + "but there is none.",
                            "There are no work teams there.",
                            "Requests naming \"annotators\":",
                            "  #1 CreateWorkteam {\"WorkteamName\":\"annotators\",\"MemberDefinitions\":[{"
                                    + "\"OidcMemberDefinition\":{\"Groups\":[\"annotators\"]}}],"
                                    + "\"Description\":\"OIDC team annotators\"} -> 400 ValidationException: "
                                    + "No workforce exists in account 123456789012 and region us-east-1. Create an OIDC "
                                    + "workforce with CreateWorkforce before creating work teams with OidcMemberDefinition."));
        }

        @Test
        void hasWorkteam_when_there_are_no_teams() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake.state()).hasWorkteam("labelers"))
                    .withMessage(lines(
                            "Expecting a work team named \"labelers\" in account 123456789012, region us-east-1, "
                                    + "but there is none.",
                            "There are no work teams there."));
        }

        @Test
        void doesNotHaveWorkteam() {
            cognitoTeam(sageMaker, "labelers", "Labelers", "g");

            assertThat(fake).doesNotHaveWorkteam("reviewers");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).doesNotHaveWorkteam("labelers"))
                    .withMessageStartingWith(lines(
                            "Expecting no work team named \"labelers\" in account 123456789012, region us-east-1, "
                                    + "but found:",
                            "  Workteam{\"WorkteamName\":\"labelers\""));
        }

        @Test
        void hasWorkteamCount_and_hasNoWorkteams() {
            assertThat(fake).hasNoWorkteams().hasWorkteamCount(0);
            cognitoTeam(sageMaker, "a", "A", "g");
            cognitoTeam(sageMaker, "b", "B", "g");

            assertThat(fake).hasWorkteamCount(2);
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkteamCount(3))
                    .withMessage("Expecting 3 work teams in account 123456789012, region us-east-1, "
                            + "but found 2: [\"a\", \"b\"]");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkteamCount(1))
                    .withMessageStartingWith("Expecting 1 work team in");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasNoWorkteams())
                    .withMessage("Expecting no work teams in account 123456789012, region us-east-1, "
                            + "but found 2: [\"a\", \"b\"]");
        }

        @Test
        void hasWorkteamsNamed_is_containing() {
            cognitoTeam(sageMaker, "labelers", "L", "g");
            cognitoTeam(sageMaker, "reviewers", "R", "g");

            assertThat(fake).hasWorkteamsNamed("reviewers").hasWorkteamsNamed("labelers", "reviewers");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkteamsNamed("labelers", "reviewer", "qa"))
                    .withMessage(lines(
                            "Expecting work teams in account 123456789012, region us-east-1 to include:",
                            "  [\"labelers\", \"reviewer\", \"qa\"]",
                            "but these are missing:",
                            "  [\"reviewer\", \"qa\"]",
                            "Did you mean \"reviewers\" for \"reviewer\"?",
                            "Work teams there (2): [\"labelers\", \"reviewers\"]"));
        }

        @Test
        void hasOnlyWorkteamsNamed_is_exact_in_any_order() {
            cognitoTeam(sageMaker, "labelers", "L", "g");
            cognitoTeam(sageMaker, "reviewers", "R", "g");

            assertThat(fake).hasOnlyWorkteamsNamed("reviewers", "labelers");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasOnlyWorkteamsNamed("labelers", "qa"))
                    .withMessage(lines(
                            "Expecting the work teams in account 123456789012, region us-east-1 to be exactly:",
                            "  [\"labelers\", \"qa\"]",
                            "but found:",
                            "  [\"labelers\", \"reviewers\"]",
                            "missing:",
                            "  [\"qa\"]",
                            "unexpected:",
                            "  [\"reviewers\"]"));
        }
    }

    @Nested
    class Everything {

        @Test
        void isEmpty() {
            assertThat(fake).isEmpty();
            cognitoTeam(sageMaker, "labelers", "L", "g");

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).isEmpty())
                    .withMessage("Expecting nothing in account 123456789012, region us-east-1, but found "
                            + "workforce \"default\", work teams [\"labelers\"]");
        }

        @Test
        void the_state_is_read_when_assertThat_is_called() {
            RegionStateAssert before = assertThat(fake);
            cognitoTeam(sageMaker, "labelers", "L", "g");

            before.hasNoWorkteams();
            assertThat(fake).hasWorkteamCount(1);
        }

        @Test
        void another_account_and_region() {
            SageMakerClient eu = fake.client("111122223333", "eu-west-1");
            cognitoTeam(eu, "labelers-eu", "EU", "g");

            assertThat(fake).hasNoWorkteams();
            RegionSnapshot euState = fake.state("111122223333", "eu-west-1");
            assertThat(euState).hasOnlyWorkteamsNamed("labelers-eu");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(euState).hasNoWorkteams())
                    .withMessage("Expecting no work teams in account 111122223333, region eu-west-1, "
                            + "but found 1: [\"labelers-eu\"]");
        }

        @Test
        void a_description_carries_over_to_the_team() {
            labelers(sageMaker);

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).as("after provisioning").hasWorkteam("labelers")
                            .hasDescription("Labelers"))
                    .withMessageStartingWith("[after provisioning] Expecting work team \"labelers\" to have description:");
        }

        @Test
        void null_state() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat((RegionSnapshot) null).hasWorkteam("labelers"))
                    .withMessageContaining("Expecting actual not to be null");
        }
    }
}
