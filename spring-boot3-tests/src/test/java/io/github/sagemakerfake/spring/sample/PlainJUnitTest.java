package io.github.sagemakerfake.spring.sample;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import org.junit.jupiter.api.Test;

/** A plain JUnit test in the same run as the Spring tests: the service on a fake of its own, no Spring. */
class PlainJUnitTest {

    @Test
    void theServiceOnAFakeOfItsOwn() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create()) {
            WorkteamService service = new WorkteamService(fake.client());

            service.createTeam("plain");

            assertThat(fake).hasOnlyWorkteamsNamed("plain");
        }
    }
}
