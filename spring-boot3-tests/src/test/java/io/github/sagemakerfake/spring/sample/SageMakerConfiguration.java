package io.github.sagemakerfake.spring.sample;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The application's SageMaker clients, built from {@code labeling.sagemaker.*} properties as a
 * production configuration would: a region, and optionally an endpoint and static keys (else
 * AWS's own endpoint and the default credentials chain). It counts the clients it builds, so the
 * tests can show that the fake's replacement kept these methods from ever running.
 */
@Configuration(proxyBeanMethods = false)
public class SageMakerConfiguration {

    private final AtomicInteger clientsBuilt = new AtomicInteger();

    @Bean
    SageMakerClient sageMakerClient(@Value("${labeling.sagemaker.region}") String region,
                                    @Value("${labeling.sagemaker.endpoint:}") String endpoint,
                                    @Value("${labeling.sagemaker.access-key:}") String accessKey,
                                    @Value("${labeling.sagemaker.secret-key:}") String secretKey) {
        clientsBuilt.incrementAndGet();
        var builder = SageMakerClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials(accessKey, secretKey));
        if (!endpoint.isEmpty()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    @Bean
    SageMakerAsyncClient sageMakerAsyncClient(@Value("${labeling.sagemaker.region}") String region) {
        clientsBuilt.incrementAndGet();
        return SageMakerAsyncClient.builder().region(Region.of(region)).build();
    }

    /** How many of the clients above were built in this context. */
    public int clientsBuilt() {
        return clientsBuilt.get();
    }

    private static AwsCredentialsProvider credentials(String accessKey, String secretKey) {
        return accessKey.isEmpty() ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }
}
