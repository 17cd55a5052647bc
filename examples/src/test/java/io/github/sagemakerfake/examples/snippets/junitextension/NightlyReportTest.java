package io.github.sagemakerfake.examples.snippets.junitextension;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.junit.SageMakerEndpoint;
import io.github.sagemakerfake.junit.SageMakerFakeRuntime;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;

@SageMakerWorkforceTest(transport = Transport.HTTP)
class NightlyReportTest {
    @Test
    void reportsEveryTeam(@SageMakerEndpoint URI endpoint, SageMakerFakeRuntime fake, SageMakerClient setUp) {
        setUp.createWorkteam(r -> r.workteamName("labelers").description("Labelers")
                .memberDefinitions(MemberDefinition.builder().cognitoMemberDefinition(c -> c
                        .userPool("us-east-1_abc123").clientId("client").userGroup("labelers")).build()));
        NightlyReport report = new NightlyReport(endpoint, Region.of(fake.region()), fake.credentialsProvider());
        assertThat(report.run()).containsExactly("labelers: Labelers");
    }
}
