package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.JournalEntry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** A server started from an in-process fake serves that fake: one state, one journal, for both kinds of client. */
class ServeInProcessFakeTest {

    @Test
    void inProcessAndHttpClientsShareOneFake() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create()) {
            try (SageMakerWorkforceServer server = SageMakerWorkforceServer.start(fake);
                 SageMakerClient overHttp = TestClients.urlConnection(server.endpoint())) {
                fake.client().createWorkteam(r -> r.workteamName("made-in-process").description("d")
                        .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123")));

                assertThat(overHttp.listWorkteams(r -> { }).workteams()).extracting(w -> w.workteamName())
                        .containsExactly("made-in-process");
                assertThat(fake.journal()).extracting(JournalEntry::operation)
                        .containsExactly("CreateWorkteam", "ListWorkteams");
                assertThat(server.control().state()).isEqualTo(fake.state());
            }
            // Closing the server leaves the fake open for its in-process clients.
            assertThat(fake.client().listWorkteams(r -> { }).workteams()).hasSize(1);
        }
    }
}
