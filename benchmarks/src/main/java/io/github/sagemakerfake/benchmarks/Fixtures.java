package io.github.sagemakerfake.benchmarks;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/** The requests every benchmark sends, built once so that no benchmark pays for building them. */
final class Fixtures {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";

    /** The team that DescribeWorkteam reads; created once per fake. */
    static final String TEAM = "bench-team";
    /** The team that the CreateWorkteam + DeleteWorkteam pair creates and deletes again. */
    static final String PAIR_TEAM = "bench-pair";

    static final DescribeWorkteamRequest DESCRIBE = DescribeWorkteamRequest.builder().workteamName(TEAM).build();
    static final CreateWorkteamRequest CREATE_TEAM = createRequest(TEAM);
    static final CreateWorkteamRequest CREATE_PAIR = createRequest(PAIR_TEAM);
    static final DeleteWorkteamRequest DELETE_PAIR = DeleteWorkteamRequest.builder().workteamName(PAIR_TEAM).build();

    private Fixtures() {
    }

    /** A realistic private work team: a description, one Cognito member group and two tags. */
    static CreateWorkteamRequest createRequest(String name) {
        return CreateWorkteamRequest.builder()
                .workteamName(name)
                .description("Labelers for the " + name + " benchmark")
                .memberDefinitions(MemberDefinition.builder().cognitoMemberDefinition(c -> c
                        .userPool("us-east-1_abc123").clientId("benchclient").userGroup("labelers")).build())
                .tags(tag("team", name), tag("env", "bench"))
                .build();
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    /**
     * An SDK client over real HTTP to a loopback server: Apache client with one connection, no
     * retries (so every failure is counted, not hidden), the fake's account convention.
     */
    static SageMakerClient httpClient(URI endpoint) {
        return SageMakerClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(SageMakerWorkforceFake.credentialsFor(ACCOUNT))
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(1)
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(30)))
                .build();
    }
}
