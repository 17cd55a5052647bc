package io.github.sagemakerfake.spring.sample;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Two classes with contexts of their own run at the same time (junit-platform.properties enables
 * parallel execution for classes that ask for it): both are inside their tests at once, at the
 * barrier, and each sees only its own fake's state.
 */
class ParallelContextsTest {

    /** Both tests wait here for each other: they only pass if they really overlap. */
    static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);

    static void createAwaitAndCheck(WorkteamService service, FakeControl fake, String team) throws Exception {
        service.createTeam(team);
        BOTH_RUNNING.await(60, TimeUnit.SECONDS);
        assertThat(fake).hasOnlyWorkteamsNamed(team);
    }

    @Nested
    @SpringBootTest
    @EnableSageMakerWorkforceFake(account = "111111111111")
    @Execution(ExecutionMode.CONCURRENT)
    class AccountOne {
        @Autowired
        WorkteamService service;

        @Autowired
        FakeControl fake;

        @Test
        void seesOnlyItsOwnTeam() throws Exception {
            createAwaitAndCheck(service, fake, "team-of-one");
        }
    }

    @Nested
    @SpringBootTest
    @EnableSageMakerWorkforceFake(account = "222222222222")
    @Execution(ExecutionMode.CONCURRENT)
    class AccountTwo {
        @Autowired
        WorkteamService service;

        @Autowired
        FakeControl fake;

        @Test
        void seesOnlyItsOwnTeam() throws Exception {
            createAwaitAndCheck(service, fake, "team-of-two");
        }
    }
}
