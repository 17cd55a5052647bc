package io.github.sagemakerfake.examples.snippets.spring;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@EnableSageMakerWorkforceFake
class WorkteamServiceTest {

    @Autowired
    WorkteamService service;   // built on the application's SageMakerClient bean, now the fake's

    @Autowired
    FakeControl fake;

    @Test
    void createsTheTeam() {
        service.createTeam("labelers");

        assertThat(fake).hasOnlyWorkteamsNamed("labelers");
    }

    @Test
    void startsFromACleanFakeEveryTime() {
        assertThat(fake).hasNoWorkteams();   // whatever ran before, in this class or another
    }
}
