package io.github.sagemakerfake.examples.snippets.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;

/** The snippets of docs/faults.md, each in the test that gives it its variables. */
class FaultsSnippetsTest {

    final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    final SageMakerClient sageMaker = fake.client();   // the SDK's default retry policy
    final CreateWorkteamRequest request = CreateWorkteamRequest.builder().workteamName("labelers")
            .description("Labelers").memberDefinitions(MemberDefinition.builder().cognitoMemberDefinition(c -> c
                    .userPool("us-east-1_abc123").clientId("client").userGroup("labelers")).build())
            .build();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void theSdkRetriesThrottling() {
        // The SDK's own retry policy against throttling: the journal shows every attempt.
        fake.addFault(FaultRule.forOperation("CreateWorkteam").times(2).throttle());
        sageMaker.createWorkteam(request);                      // succeeds on the third attempt
        assertThat(fake.journal()).extracting(JournalEntry::errorCode)
                .containsExactly("ThrottlingException", "ThrottlingException", null);
    }

    @Test
    void aLostResponseMakesTheRetriedCreateFail() {
        fake.addFault(FaultRule.forOperation("CreateWorkteam").once().afterStateChange().internalFailure());
        assertThatThrownBy(() -> sageMaker.createWorkteam(request)).isInstanceOf(ResourceInUseException.class);

        assertThat(fake.state().workteamNames()).containsExactly("labelers");
    }

    @Test
    void latencyOnAManualClockAdvancesTheClock() {
        FakeClock clock = FakeClock.startingAt(Instant.parse("2026-03-01T00:00:00Z"));
        SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder().clock(clock).build();
        fake.addFault(FaultRule.forOperation("ListWorkteams").withLatency(Duration.ofSeconds(3)).latencyOnly());
        fake.client().listWorkteams();
        assertThat(fake.now()).isEqualTo(Instant.parse("2026-03-01T00:00:03Z"));

        fake.close();
    }

    @Test
    void matching() {
        FaultRule.forOperation("UpdateWorkteam").forWorkteam("labelers").throttle();   // one team only
        FaultRule.forAnyOperation().whenMember("WorkforceName", "crowd").serviceUnavailable();
        FaultRule.forAnyOperation().when(request -> request.containsKey("Tags")).throttle(); // in process only
        FaultRule.forOperation("ListWorkteams").probability(0.1).internalFailure();    // one call in ten

        FaultRule oneTeam = FaultRule.forOperation("UpdateWorkteam").forWorkteam("labelers").throttle();
        assertThat(oneTeam.matches("UpdateWorkteam", java.util.Map.of("WorkteamName", "labelers"))).isTrue();
        assertThat(oneTeam.matches("UpdateWorkteam", java.util.Map.of("WorkteamName", "reviewers"))).isFalse();
    }
}
