package io.github.sagemakerfake.spring.sample;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatJournal;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.testcontainers.SageMakerWorkforceContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The Testcontainers recipe of docs/spring.md: no annotation of this project, the fake in a
 * container, and the application's own properties pointed at it with {@code @DynamicPropertySource}.
 * The application's clients are its own, over the real wire.
 */
@SpringBootTest
@Testcontainers
@RequiresDocker
class ContainerRecipeTest {

    @Container
    static SageMakerWorkforceContainer sageMaker = new SageMakerWorkforceContainer().withMaxWorkteams(5);

    @DynamicPropertySource
    static void sageMakerProperties(DynamicPropertyRegistry registry) {
        registry.add("labeling.sagemaker.endpoint", () -> sageMaker.getEndpoint().toString());
        registry.add("labeling.sagemaker.region", sageMaker::getRegion);
        registry.add("labeling.sagemaker.access-key", sageMaker::getAccessKey);
        registry.add("labeling.sagemaker.secret-key", sageMaker::getSecretKey);
        registry.add("labeling.audit.endpoint", () -> sageMaker.getEndpoint().toString());
        registry.add("labeling.audit.region", sageMaker::getRegion);
        registry.add("labeling.audit.access-key", sageMaker::getAccessKey);
        registry.add("labeling.audit.secret-key", sageMaker::getSecretKey);
    }

    @Autowired
    WorkteamService service;

    @Autowired
    WorkteamAuditor auditor;

    @BeforeEach
    void resetTheContainer() {
        // The context (and the container) outlive one test: start each from a clean fake.
        sageMaker.control().reset();
    }

    @Test
    void theApplicationReachesTheContainer() {
        service.createTeam("labelers");

        assertThat(sageMaker.control()).hasOnlyWorkteamsNamed("labelers");
        assertThat(auditor.teamsWithoutNotifications()).containsExactly("labelers");
        assertThatJournal(sageMaker.control()).hasCalledTimes("CreateWorkteam", 1).hasCalled("ListWorkteams");
    }

    @Test
    void eachTestStartsFromACleanContainer() {
        assertThat(sageMaker.control()).hasNoWorkteams();
        assertThat(service.teamNames()).isEmpty();
    }
}
