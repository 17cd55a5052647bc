package io.github.sagemakerfake.examples.snippets.assertions;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.*;
import static io.github.sagemakerfake.examples.snippets.assertions.LabelingTeams.POOL;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelingTeamsTest {

    SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    LabelingTeams teams = new LabelingTeams(fake.client());

    @Test
    void creates_a_missing_team_then_updates_it() {
        teams.ensureTeam("labelers", List.of("labelers"));
        teams.ensureTeam("labelers", List.of("labelers", "reviewers"));

        assertThat(fake).hasOnlyWorkteamsNamed("labelers");
        assertThat(fake).hasWorkteam("labelers")
                .hasDescription("Labelers for labelers")
                .usesCognitoUserPool(POOL)
                .hasMemberGroupsExactly("labelers", "reviewers")
                .hasTag("managed-by", "labeling-teams");
        assertThat(fake).hasWorkforce().hasName("default").usesCognitoUserPool(POOL);

        assertThatJournal(fake)
                .hasCalledInOrder("DescribeWorkteam", "CreateWorkteam", "DescribeWorkteam", "UpdateWorkteam")
                .hasFailedCall("DescribeWorkteam", "ValidationException")
                .hasCalled("CreateWorkteam").once();
    }

    @Test
    void the_26th_team_is_refused() {
        for (int i = 1; i <= 25; i++) {
            teams.ensureTeam("team-" + i, List.of("labelers"));
        }

        assertThatSageMakerCall(() -> teams.ensureTeam("team-26", List.of("labelers")))
                .isResourceLimitExceeded()
                .hasStatusCode(400);
        assertThat(fake).hasWorkteamCount(25).doesNotHaveWorkteam("team-26");
    }
}
