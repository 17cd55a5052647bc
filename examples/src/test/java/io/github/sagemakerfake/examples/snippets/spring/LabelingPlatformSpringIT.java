package io.github.sagemakerfake.examples.snippets.spring;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.examples.RequiresDocker;
import io.github.sagemakerfake.testcontainers.SageMakerWorkforceContainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

@RequiresDocker
@SpringBootTest
@Testcontainers
class LabelingPlatformSpringIT {

    @Container
    static SageMakerWorkforceContainer sageMaker = new SageMakerWorkforceContainer();

    @DynamicPropertySource
    static void sageMakerProperties(DynamicPropertyRegistry registry) {
        registry.add("labeling.audit.endpoint", () -> sageMaker.getEndpoint().toString());
        registry.add("labeling.audit.region", sageMaker::getRegion);
        registry.add("labeling.audit.access-key", sageMaker::getAccessKey);
        registry.add("labeling.audit.secret-key", sageMaker::getSecretKey);
    }

    @Autowired
    WorkteamAuditor auditor;

    @Test
    void auditsTheTeamsOfTheContainer() {
        sageMaker.control().seed("""
                {"Workteams": [{"WorkteamName": "labelers", "Description": "Labelers",
                  "MemberDefinitions": [{"CognitoMemberDefinition":
                    {"UserPool": "us-east-1_labeling", "ClientId": "labeling-app", "UserGroup": "labelers"}}]}]}""");

        assertThat(auditor.teamsWithoutNotifications()).containsExactly("labelers");
        assertThat(sageMaker.control()).hasOnlyWorkteamsNamed("labelers");
    }
}
