package io.github.sagemakerfake.examples.snippets.seeding;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.StateSnapshot;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** The snippets of docs/seeding.md, "Snapshots", run against the fake they describe. */
class SnapshotSnippetsTest {

    @Test
    void takeKeepAndPutBack() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder().idSeed(42).build()) {
            SageMakerClient sageMaker = fake.client();
            sageMaker.createWorkteam(r -> r.workteamName("labelers").description("Labelers")
                    .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c.userPool("us-east-1_AbC123")
                            .clientId("app-client").userGroup("labelers"))));
            StateSnapshot snapshot = fake.snapshot();
            String saved = fake.snapshot().toDocument();   // every form: in process, RemoteFakeControl, container
            sageMaker.deleteWorkteam(r -> r.workteamName("labelers"));   // the test changes things
            fake.restore(saved);                           // or fake.restore(snapshot)
            assertThat(fake.snapshot().toMap()).isEqualTo(snapshot.toMap());
            assertThat(fake.state().workteamNames()).containsExactly("labelers");
        }
    }
}
