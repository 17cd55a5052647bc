package io.github.sagemakerfake.examples.snippets.spring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

@Configuration(proxyBeanMethods = false)
public class SageMakerConfiguration {

    @Bean
    SageMakerClient sageMakerClient(@Value("${labeling.sagemaker.region}") String region) {
        return SageMakerClient.builder().region(Region.of(region)).build();
    }
}
