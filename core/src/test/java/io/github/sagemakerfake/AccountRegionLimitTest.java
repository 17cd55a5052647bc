package io.github.sagemakerfake;

import static io.github.sagemakerfake.Requests.cognitoTeam;
import static io.github.sagemakerfake.Requests.cognitoWorkforce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** State per (account, region) exists only while it holds something, and the number of pairs is capped. */
class AccountRegionLimitTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder()
            .limits(FakeLimits.service().withMaxAccountRegions(2)).build();

    @AfterEach
    void close() {
        fake.close();
    }

    private SageMakerClient account(int n) {
        return fake.client(String.format("%012d", n), "us-east-1");
    }

    @Test
    void theDefaultCapIsDocumented() {
        assertThat(FakeLimits.service().maxAccountRegions()).isEqualTo(1_000);
    }

    @Test
    void readOnlyAndRefusedCallsOnUnknownPairsCreateNoState() {
        for (int n = 1; n <= 50; n++) {
            SageMakerClient client = account(n);
            client.listWorkteams(r -> { });
            client.listWorkforces(r -> { });
            assertThatThrownBy(() -> client.describeWorkforce(r -> r.workforceName("nope")))
                    .isInstanceOf(SageMakerException.class);
            assertThatThrownBy(() -> client.deleteWorkteam(r -> r.workteamName("nope")))
                    .isInstanceOf(SageMakerException.class);
        }
        assertThat(fake.snapshot().regions()).isEmpty();

        // 50 pairs were read, none kept: the cap of 2 still has room for two workforces.
        account(1).createWorkforce(cognitoWorkforce("wf"));
        account(2).createWorkforce(cognitoWorkforce("wf"));
        assertThat(fake.snapshot().regions()).hasSize(2);
    }

    @Test
    void aPairPastTheCapIsRefusedWithAClearLimitError() {
        account(1).createWorkforce(cognitoWorkforce("wf"));
        fake.client("000000000001", "eu-west-1").createWorkteam(cognitoTeam("t"));

        assertThatThrownBy(() -> account(3).createWorkforce(cognitoWorkforce("wf")))
                .isInstanceOfSatisfying(ResourceLimitExceededException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("at most 2 account/region pairs",
                            "account 000000000003 region us-east-1", "withMaxAccountRegions", "--max-account-regions");
                });
        // Reads of the refused pair still answer, and existing pairs keep working.
        assertThat(account(3).listWorkforces(r -> { }).workforces()).isEmpty();
        account(1).createWorkteam(cognitoTeam("t"));
    }

    @Test
    void emptiedPairsAndResetFreeTheirPlace() {
        account(1).createWorkforce(cognitoWorkforce("wf"));
        account(2).createWorkteam(cognitoTeam("t"));

        account(1).deleteWorkforce(r -> r.workforceName("wf"));
        Requests.awaitDeleted(account(1), "wf"); // gone once a read has shown Deleting: its place is free again
        account(3).createWorkforce(cognitoWorkforce("wf"));

        fake.reset(String.format("%012d", 2), "us-east-1");
        account(4).createWorkforce(cognitoWorkforce("wf"));
        assertThatThrownBy(() -> account(5).createWorkforce(cognitoWorkforce("wf")))
                .isInstanceOf(ResourceLimitExceededException.class);

        fake.reset();
        account(5).createWorkforce(cognitoWorkforce("wf"));
        account(6).createWorkforce(cognitoWorkforce("wf"));
        assertThat(fake.snapshot().regions()).hasSize(2);
    }

    @Test
    void racingFirstWritesToANewPairAllLand() throws Exception {
        for (int round = 0; round < 20; round++) {
            fake.reset();
            SageMakerClient client = account(round);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<Thread> threads = new java.util.ArrayList<>();
            java.util.List<Throwable> errors = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            for (int t = 0; t < 6; t++) {
                String name = "team-" + t;
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                        client.createWorkteam(cognitoTeam(name));
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(errors).isEmpty();
            assertThat(fake.snapshot().regions()).hasSize(1);
            assertThat(fake.snapshot().regions().get(0).workteamNames()).hasSize(6);
        }
    }

    @Test
    void aSeedPastTheCapIsRefusedAndChangesNothing() {
        account(1).createWorkforce(cognitoWorkforce("wf"));
        account(2).createWorkforce(cognitoWorkforce("wf"));

        assertThatThrownBy(() -> fake.seed("{\"Account\":\"000000000009\",\"Workteams\":[{\"WorkteamName\":\"t\","
                + "\"Description\":\"d\",\"MemberDefinitions\":[{\"CognitoMemberDefinition\":{\"UserPool\":\""
                + Requests.POOL + "\",\"ClientId\":\"c\",\"UserGroup\":\"g\"}}]}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ResourceLimitExceeded");
        assertThat(fake.snapshot().regions()).hasSize(2);
    }
}
