package io.github.sagemakerfake.examples.snippets.spring;

import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/** Audits the work teams with a client of its own, built from properties. */
@Component
public class WorkteamAuditor implements AutoCloseable {

    private final SageMakerClient sageMaker;

    public WorkteamAuditor(@Value("${labeling.audit.endpoint}") URI endpoint,
                           @Value("${labeling.audit.region}") String region,
                           @Value("${labeling.audit.access-key}") String accessKey,
                           @Value("${labeling.audit.secret-key}") String secretKey) {
        this.sageMaker = SageMakerClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }

    public List<String> teamsWithoutNotifications() {
        return sageMaker.listWorkteamsPaginator(r -> { }).workteams().stream()
                .filter(team -> team.notificationConfiguration() == null
                        || team.notificationConfiguration().notificationTopicArn() == null)
                .map(Workteam::workteamName)
                .toList();
    }

    @Override
    public void close() {
        sageMaker.close();
    }
}
