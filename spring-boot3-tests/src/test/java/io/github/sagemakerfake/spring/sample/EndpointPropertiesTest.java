package io.github.sagemakerfake.spring.sample;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * A component that builds its own client reaches the fake over HTTP: the endpoint property holds
 * the fake's URL, and the test properties take the keys from the fake's own properties.
 */
@SpringBootTest(properties = {
        "labeling.audit.region=${sagemaker.fake.region}",
        "labeling.audit.access-key=${sagemaker.fake.access-key}",
        "labeling.audit.secret-key=${sagemaker.fake.secret-key}"})
@EnableSageMakerWorkforceFake(endpointProperties = "labeling.audit.endpoint")
class EndpointPropertiesTest {

    @Autowired
    WorkteamService service;

    @Autowired
    WorkteamAuditor auditor;

    @Autowired
    FakeControl fake;

    @Autowired
    Environment environment;

    @Test
    void theAuditorsOwnClientSeesWhatTheServiceCreatedInProcess() {
        service.createTeam("labelers");
        service.createTeam("reviewers");

        assertThat(auditor.teamsWithoutNotifications()).containsExactlyInAnyOrder("labelers", "reviewers");
        assertThat(fake.journal()).extracting(e -> e.operation() + "@" + e.account() + "/" + e.region())
                .contains("ListWorkteams@123456789012/us-east-1");
    }

    @Test
    void theEnvironmentCarriesTheFakesCoordinates() {
        String endpoint = environment.getProperty(EnableSageMakerWorkforceFake.ENDPOINT_PROPERTY);

        assertThat(endpoint).startsWith("http://127.0.0.1:");
        assertThat(environment.getProperty("labeling.audit.endpoint")).isEqualTo(endpoint);
        assertThat(environment.getProperty("sagemaker.fake.region")).isEqualTo("us-east-1");
        assertThat(environment.getProperty("sagemaker.fake.account")).isEqualTo("123456789012");
        assertThat(environment.getProperty("sagemaker.fake.access-key")).isEqualTo("123456789012");
        assertThat(environment.getProperty("sagemaker.fake.secret-key")).isNotBlank();
        assertThat(fake).hasNoWorkteams();
    }
}
