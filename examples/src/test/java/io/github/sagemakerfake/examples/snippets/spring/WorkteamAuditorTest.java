package io.github.sagemakerfake.examples.snippets.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {
        "labeling.audit.region=${sagemaker.fake.region}",
        "labeling.audit.access-key=${sagemaker.fake.access-key}",
        "labeling.audit.secret-key=${sagemaker.fake.secret-key}"})
@EnableSageMakerWorkforceFake(endpointProperties = "labeling.audit.endpoint")
class WorkteamAuditorTest {

    @Autowired
    WorkteamService service;   // in process, through the replaced bean

    @Autowired
    WorkteamAuditor auditor;   // its own client, over HTTP to the same fake

    @Test
    void auditsTheTeamsOverHttp() {
        service.createTeam("labelers");

        assertThat(auditor.teamsWithoutNotifications()).containsExactly("labelers");
    }
}
