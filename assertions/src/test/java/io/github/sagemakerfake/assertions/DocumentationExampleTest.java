package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatJournal;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatSageMakerCall;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/** The test docs/assertions.md shows, kept compiling and passing here. */
class DocumentationExampleTest {

    static final String POOL = "us-east-1_abc123";
    static final String CLIENT_ID = "labeling-portal";

    /** The code under test: makes sure a labeling team exists with exactly these user groups. */
    static final class LabelingTeams {
        private final SageMakerClient sageMaker;

        LabelingTeams(SageMakerClient sageMaker) {
            this.sageMaker = sageMaker;
        }

        void ensureTeam(String name, List<String> groups) {
            List<MemberDefinition> members = groups.stream()
                    .map(g -> MemberDefinition.builder().cognitoMemberDefinition(c -> c
                            .userPool(POOL).clientId(CLIENT_ID).userGroup(g)).build())
                    .toList();
            try {
                sageMaker.describeWorkteam(r -> r.workteamName(name));
                sageMaker.updateWorkteam(r -> r.workteamName(name).memberDefinitions(members));
            } catch (SageMakerException e) {
                // SageMaker answers a missing team with a ValidationException, not ResourceNotFound.
                if (!e.awsErrorDetails().errorMessage().contains("The work team")) {
                    throw e;
                }
                sageMaker.createWorkteam(r -> r.workteamName(name).description("Labelers for " + name)
                        .memberDefinitions(members)
                        .tags(Tag.builder().key("managed-by").value("labeling-teams").build()));
            }
        }
    }

    // ---------------------------------------------------------------- the test in the docs

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final LabelingTeams teams = new LabelingTeams(fake.client());

    @AfterEach
    void close() {
        fake.close();
    }

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
        assertThat(fake).hasWorkforce().isActive().usesCognitoUserPool(POOL);

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
