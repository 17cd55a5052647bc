package io.github.sagemakerfake.examples.snippets.junitextension;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** The code under test of NightlyReportTest: it builds its own client from an endpoint. */
final class NightlyReport {

    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;

    NightlyReport(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
    }

    /** One line per work team: "name: description". */
    List<String> run() {
        try (SageMakerClient sageMaker = SageMakerClient.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(credentials).build()) {
            return sageMaker.listWorkteamsPaginator(r -> { }).workteams().stream()
                    .map(team -> team.workteamName() + ": " + team.description())
                    .toList();
        }
    }
}
