package io.github.sagemakerfake.spring.sample;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatJournal;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * With {@code replaceClients = false} the application's own client bean is built, from the
 * properties the fake fills, and reaches the fake over HTTP.
 */
@SpringBootTest(properties = {
        "labeling.sagemaker.access-key=${sagemaker.fake.access-key}",
        "labeling.sagemaker.secret-key=${sagemaker.fake.secret-key}"})
@EnableSageMakerWorkforceFake(replaceClients = false, endpointProperties = "labeling.sagemaker.endpoint")
class OwnClientOverHttpTest {

    @Autowired
    WorkteamService service;

    @Autowired
    SageMakerConfiguration configuration;

    @Autowired
    FakeControl fake;

    @Test
    void theApplicationsBeanIsBuiltAndTalksHttpToTheFake() {
        service.createTeam("labelers");

        assertThat(configuration.clientsBuilt()).isEqualTo(2);
        assertThat(fake).hasOnlyWorkteamsNamed("labelers");
        assertThatJournal(fake).hasCalledTimes("CreateWorkteam", 1);
    }
}
