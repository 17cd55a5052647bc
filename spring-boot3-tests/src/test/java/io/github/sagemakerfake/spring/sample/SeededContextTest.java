package io.github.sagemakerfake.spring.sample;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatSageMakerCall;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Seeds and limits per context: every test starts from the seeded state, whatever the previous one did. */
@SpringBootTest
@EnableSageMakerWorkforceFake(seed = "two-teams.json", maxWorkteams = 3)
class SeededContextTest {

    @Autowired
    WorkteamService service;

    @Autowired
    FakeControl fake;

    @Test
    void deletingASeededTeamLastsOneTest() {
        assertThat(fake).hasOnlyWorkteamsNamed("alpha", "beta");

        service.deleteTeam("alpha");

        assertThat(fake).hasOnlyWorkteamsNamed("beta");
    }

    @Test
    void theSeedIsBackForEveryTest() {
        assertThat(fake).hasOnlyWorkteamsNamed("alpha", "beta");
        assertThat(fake).hasWorkteam("alpha").hasDescription("Alpha team");
        assertThat(service.teamNames()).containsExactlyInAnyOrder("alpha", "beta");
    }

    @Test
    void theContextsLimitHolds() {
        service.createTeam("gamma");

        assertThatSageMakerCall(() -> service.createTeam("delta")).hasErrorCode("ResourceLimitExceeded");
        assertThat(fake).hasWorkteamCount(3);
    }

    @Test
    void aFaultRuleLastsOneTestToo() {
        assertThat(fake.faults()).isEmpty();

        fake.addFault(FaultRule.forOperation("ListWorkteams").error("ValidationException", 400, "Injected by the test"));

        assertThatSageMakerCall(service::teamNames).hasErrorCode("ValidationException");
    }
}
