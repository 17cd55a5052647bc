package io.github.sagemakerfake.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** A Spring test without the annotation, in the same run: the application as it is, no fake. */
@SpringBootTest
class WithoutTheFakeTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    SageMakerConfiguration configuration;

    @Autowired
    SageMakerClient sageMaker;

    @Test
    void theApplicationsOwnClientsAndNoFake() {
        assertThat(configuration.clientsBuilt()).isEqualTo(2);
        assertThat(sageMaker.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
        assertThat(sageMaker.serviceClientConfiguration().endpointOverride()).isEmpty();
        assertThat(context.getBeanNamesForType(FakeControl.class)).isEmpty();
        assertThat(context.getEnvironment().containsProperty("sagemaker.fake.region")).isFalse();
    }
}
