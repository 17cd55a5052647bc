package io.github.sagemakerfake;

import static io.github.sagemakerfake.Requests.cognitoTeam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.internal.transport.EndpointAccess;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * The clients {@code fake.client()} hands out are SDK clients lent to one fake at a time
 * (docs/benchmarks.md, "A test as cheap as a mock"): what one test does with its client must not
 * reach the next test, and the account and region still select the state without a signature.
 */
class PooledClientTest {

    @Test
    void aClientClosedByOneTestStillServesTheNextTest() {
        SageMakerClient closed;
        try (SageMakerWorkforceFake first = SageMakerWorkforceFake.create()) {
            closed = first.client();
            closed.createWorkteam(cognitoTeam("first"));
            closed.close();
        }
        try (SageMakerWorkforceFake second = SageMakerWorkforceFake.create()) {
            SageMakerClient client = second.client();
            assertThat(client).isSameAs(closed); // the pooled client, lent again after its close()
            client.createWorkteam(cognitoTeam("second"));
            assertThat(client.listWorkteams(r -> { }).workteams()).extracting(w -> w.workteamName())
                    .containsExactly("second");
        }
    }

    @Test
    void aClientWhoseFakeClosedReachesNoFakeUntilLentAgain() {
        SageMakerClient stale;
        try (SageMakerWorkforceFake first = SageMakerWorkforceFake.builder().account("444455556666").build()) {
            stale = first.client();
            stale.createWorkteam(cognitoTeam("first"));
        }
        assertThatThrownBy(() -> stale.listWorkteams(r -> { })).hasMessageContaining("fake is closed");
    }

    @Test
    void fakesAliveAtOnceHaveTheirOwnClientsAndState() {
        try (SageMakerWorkforceFake a = SageMakerWorkforceFake.create();
             SageMakerWorkforceFake b = SageMakerWorkforceFake.create()) {
            a.client().createWorkteam(cognitoTeam("in-a"));
            b.client().createWorkteam(cognitoTeam("in-b"));

            assertThat(a.client()).isNotSameAs(b.client());
            assertThat(a.state(a.defaultAccount(), a.defaultRegion()).workteamNames()).containsExactly("in-a");
            assertThat(b.state(b.defaultAccount(), b.defaultRegion()).workteamNames()).containsExactly("in-b");
        }
    }

    @Test
    void theAccountAndRegionOfAnUnsignedClientSelectTheState() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create()) {
            fake.client("111122223333", "eu-west-1").createWorkteam(cognitoTeam("elsewhere"));

            assertThat(fake.state("111122223333", "eu-west-1").workteamNames()).containsExactly("elsewhere");
            assertThat(fake.state(fake.defaultAccount(), fake.defaultRegion()).workteamNames()).isEmpty();
            assertThat(fake.journal()).singleElement().satisfies(e -> {
                assertThat(e.account()).isEqualTo("111122223333");
                assertThat(e.region()).isEqualTo("eu-west-1");
            });
        }
    }

    /**
     * A test whose calls failed may have spent the client's retry quota; the next test must still
     * get the SDK's retries. 60 calls answered 500 spend a quota of 500 tokens (5 per retry) many
     * times over, so a client lent again would refuse to retry at all.
     */
    @Test
    void aTestThatSpentTheRetryQuotaLeavesTheNextTestItsRetries() {
        try (SageMakerWorkforceFake drained = SageMakerWorkforceFake.create()) {
            SageMakerClient client = EndpointAccess.lease(drained, drained.defaultAccount(), drained.defaultRegion(), true);
            drained.addFault(FaultRule.forOperation("ListWorkteams").internalFailure());
            for (int i = 0; i < 60; i++) {
                assertThatThrownBy(() -> client.listWorkteams(r -> { })).isInstanceOf(SageMakerException.class);
            }
        }
        try (SageMakerWorkforceFake next = SageMakerWorkforceFake.create()) {
            SageMakerClient client = EndpointAccess.lease(next, next.defaultAccount(), next.defaultRegion(), true);
            next.addFault(FaultRule.forOperation("ListWorkteams").times(2).internalFailure());

            assertThat(client.listWorkteams(r -> { }).workteams()).isEmpty();
            assertThat(next.journal()).extracting(e -> e.statusCode()).containsExactly(500, 500, 200);
        }
    }
}
