package io.github.sagemakerfake.spring.sample;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Same configuration as {@link SharedContextFirstTest}: one cached context, state reset between them. */
@SpringBootTest
@EnableSageMakerWorkforceFake
class SharedContextSecondTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    SageMakerWorkforceFake fake;

    @Autowired
    WorkteamService service;

    @Test
    void startsFromACleanFakeOfTheSharedContext() {
        SharedContext.check(context, fake, service, "left-by-second");
    }

    @Test
    void startsFromACleanFakeAgain() {
        SharedContext.check(context, fake, service, "left-again-by-second");
    }
}
