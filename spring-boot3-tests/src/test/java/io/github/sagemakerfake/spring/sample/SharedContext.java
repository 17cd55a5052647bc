package io.github.sagemakerfake.spring.sample;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ApplicationContext;

/**
 * What {@link SharedContextFirstTest} and {@link SharedContextSecondTest} check, whichever runs
 * first: both get the one cached context and its one fake, and each starts from a clean fake
 * although the other leaves a team behind.
 */
final class SharedContext {

    private static final AtomicReference<ApplicationContext> FIRST_CONTEXT = new AtomicReference<>();
    private static final AtomicReference<SageMakerWorkforceFake> FIRST_FAKE = new AtomicReference<>();

    private SharedContext() {
    }

    static void check(ApplicationContext context, SageMakerWorkforceFake fake, WorkteamService service, String team) {
        if (!FIRST_CONTEXT.compareAndSet(null, context)) {
            assertThat(context).as("the cached context").isSameAs(FIRST_CONTEXT.get());
            assertThat((Object) fake).as("the cached context's fake").isSameAs(FIRST_FAKE.get());
        } else {
            FIRST_FAKE.set(fake);
        }
        assertThat(fake).hasNoWorkteams();
        assertThat(fake.journal()).isEmpty();

        service.createTeam(team); // left behind on purpose

        assertThat(fake).hasOnlyWorkteamsNamed(team);
    }
}
