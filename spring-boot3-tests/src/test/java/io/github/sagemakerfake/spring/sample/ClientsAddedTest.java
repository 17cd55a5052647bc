package io.github.sagemakerfake.spring.sample;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** A context without SageMaker clients gets them, for the fake's account and region. */
@SpringBootTest(classes = ClientsAddedTest.NoClients.class)
@EnableSageMakerWorkforceFake(region = "eu-west-1", account = "111122223333")
class ClientsAddedTest {

    @Configuration(proxyBeanMethods = false)
    static class NoClients {
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    FakeControl fake;

    @Test
    void oneClientOfEachKindIsAddedForTheFakesRegionAndAccount() {
        SageMakerClient sageMaker = context.getBean(SageMakerClient.class);
        assertThat(context.getBeanNamesForType(SageMakerClient.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(SageMakerAsyncClient.class)).hasSize(1);
        assertThat(sageMaker.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);

        sageMaker.createWorkteam(r -> r.workteamName("irish").description("d")
                .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c
                        .userPool("eu-west-1_pool").clientId("client").userGroup("group"))));

        assertThat(fake.state("111122223333", "eu-west-1").workteamNames()).containsExactly("irish");
        assertThat(fake).hasOnlyWorkteamsNamed("irish");
    }
}
