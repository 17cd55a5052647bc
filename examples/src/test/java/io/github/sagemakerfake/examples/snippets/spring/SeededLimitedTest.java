package io.github.sagemakerfake.examples.snippets.spring;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatSageMakerCall;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@EnableSageMakerWorkforceFake(seed = "two-teams.json", maxWorkteams = 3, lifecycle = "IMMEDIATE")
class SeededLimitedTest {

    @Autowired
    WorkteamService service;

    @Autowired
    FakeControl fake;

    @Test
    void theThirdTeamFitsTheFourthDoesNot() {
        service.createTeam("gamma");   // alpha and beta come from the seed, before every test

        assertThatSageMakerCall(() -> service.createTeam("delta")).hasErrorCode("ResourceLimitExceeded");
        assertThat(fake).hasOnlyWorkteamsNamed("alpha", "beta", "gamma");
    }
}
