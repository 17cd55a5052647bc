package io.github.sagemakerfake.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.examples.DesiredState.InvalidDesiredStateException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration format: plain unit tests, no fake needed. */
class DesiredStateTest {

    @Test
    void readsTheSampleFile() throws Exception {
        try (Reader reader = new InputStreamReader(getClass().getResourceAsStream("teams.properties"),
                StandardCharsets.UTF_8)) {
            DesiredState desired = DesiredState.parse(reader);

            assertThat(desired.userPool()).isEqualTo("us-east-1_AbC123");
            assertThat(desired.clientId()).isEqualTo("labeling-portal");
            assertThat(desired.teams()).containsExactly(
                    new TeamSpec("labelers", "Labels street scenes", List.of("labelers", "labelers-night"),
                            "arn:aws:sns:us-east-1:123456789012:labeling-tasks"),
                    new TeamSpec("reviewers", "Reviews labels", List.of("reviewers"), null));
        }
    }

    @Test
    void noTeamsIsAValidDesiredState() {
        DesiredState desired = DesiredState.parse("""
                cognito.userPool = us-east-1_AbC123
                cognito.clientId = labeling-portal
                """);

        assertThat(desired.teams()).isEmpty();
    }

    @Test
    void aListedTeamNeedsADescriptionAndGroups() {
        assertThatThrownBy(() -> DesiredState.parse("""
                cognito.userPool = us-east-1_AbC123
                cognito.clientId = labeling-portal
                teams = labelers
                team.labelers.groups = labelers
                """))
                .isInstanceOf(InvalidDesiredStateException.class)
                .hasMessage("The desired state needs a value for team.labelers.description");
    }

    @Test
    void aKeyForATeamThatIsNotListedIsATypo() {
        assertThatThrownBy(() -> DesiredState.parse("""
                cognito.userPool = us-east-1_AbC123
                cognito.clientId = labeling-portal
                teams = labelers
                team.labelers.description = Labelers
                team.labelers.groups = labelers
                team.labeler.notificationTopic = arn:aws:sns:us-east-1:123456789012:tasks
                """))
                .isInstanceOf(InvalidDesiredStateException.class)
                .hasMessageStartingWith("Unknown keys [team.labeler.notificationTopic]");
    }

    @Test
    void aTeamListedTwiceIsRefused() {
        assertThatThrownBy(() -> DesiredState.parse("""
                cognito.userPool = us-east-1_AbC123
                cognito.clientId = labeling-portal
                teams = labelers, labelers
                """))
                .isInstanceOf(InvalidDesiredStateException.class)
                .hasMessageContaining("names a team twice");
    }
}
