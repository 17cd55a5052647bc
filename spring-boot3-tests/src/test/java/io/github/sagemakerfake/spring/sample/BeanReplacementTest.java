package io.github.sagemakerfake.spring.sample;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatJournal;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** The application's client beans are the fake's, and its own @Bean methods for them never run. */
@SpringBootTest
@EnableSageMakerWorkforceFake
class BeanReplacementTest {

    @Autowired
    WorkteamService service;

    @Autowired
    SageMakerConfiguration configuration;

    @Autowired
    FakeControl fake;

    @Autowired
    SageMakerWorkforceFake fakeItself;

    @Autowired
    SageMakerClient sageMaker;

    @Autowired
    SageMakerAsyncClient asyncSageMaker;

    @Test
    void theServiceReachesTheFakeThroughTheApplicationsBean() {
        service.createTeam("labelers");

        assertThat(fake).hasOnlyWorkteamsNamed("labelers");
        assertThat(fake).hasWorkteam("labelers").hasDescription("Labelers of labelers");
        assertThatJournal(fake).hasCalledTimes("CreateWorkteam", 1).hasNoFailedCalls();
        assertThat(service.teamNames()).containsExactly("labelers");
    }

    @Test
    void theApplicationsOwnClientMethodsNeverRan() {
        // They would have built clients for api.sagemaker.us-east-1.amazonaws.com.
        assertThat(configuration.clientsBuilt()).isZero();
    }

    @Test
    void theAsyncBeanIsReplacedTooAndSharesTheFake() {
        sageMaker.createWorkteam(r -> r.workteamName("sync-made").description("d")
                .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c
                        .userPool("us-east-1_pool").clientId("client").userGroup("group"))));

        String name = asyncSageMaker.describeWorkteam(r -> r.workteamName("sync-made")).join()
                .workteam().workteamName();

        assertThat(name).isEqualTo("sync-made");
        assertThat(asyncSageMaker.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
    }

    @Test
    void theFakeIsOneBeanOfBothTypes() {
        assertThat((Object) fake).isSameAs(fakeItself);
        assertThat(fakeItself.defaultAccount()).isEqualTo("123456789012");
    }
}
