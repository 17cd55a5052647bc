package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Fixtures.cognitoTeam;
import static io.github.sagemakerfake.assertions.Fixtures.lines;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceBddAssertions.then;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceBddAssertions.thenJournal;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceBddAssertions.thenSageMakerCall;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.StateSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

class BddAndStateSnapshotTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void bdd_style() {
        Fixtures.labelers(sageMaker);

        then(fake).hasWorkteam("labelers").hasTag("team", "vision");
        then(fake.state()).hasWorkforce().isInitializing(); // made by the team, never read yet
        then(sageMaker.describeWorkteam(r -> r.workteamName("labelers"))).hasDescriptionContaining("Atlas");
        thenJournal(fake).hasCalled("CreateWorkteam").once();
        thenSageMakerCall(() -> sageMaker.describeWorkteam(r -> r.workteamName("gone"))).isNotFoundQuirk();
    }

    @Test
    void across_accounts_and_regions() {
        cognitoTeam(fake.client("111122223333", "eu-west-1"), "labelers-eu", "EU", "g");
        StateSnapshot state = fake.snapshot();

        assertThat(state).inRegion("111122223333", "eu-west-1").hasOnlyWorkteamsNamed("labelers-eu");
        assertThat(state).inDefaultRegion().isEmpty();
        assertThat(state).hasResourcesOnlyIn("111122223333", "eu-west-1");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(state).isEmpty())
                .withMessage(lines("Expecting the fake to hold nothing, but found resources in:",
                        "  account 111122223333, region eu-west-1: workforce \"default\", work teams [\"labelers-eu\"]"));

        cognitoTeam(sageMaker, "labelers", "US", "g");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(fake.snapshot()).hasResourcesOnlyIn("111122223333", "eu-west-1"))
                .withMessage(lines("Expecting resources only in account 111122223333, region eu-west-1, but found some in:",
                        "  account 123456789012, region us-east-1: workforce \"default\", work teams [\"labelers\"]"));
        assertThat(fake.snapshot()).inDefaultRegion().hasWorkteam("labelers");
    }

    @Test
    void an_empty_fake() {
        assertThat(fake.snapshot()).isEmpty().inRegion("111122223333", "eu-west-1").isEmpty();
    }
}
