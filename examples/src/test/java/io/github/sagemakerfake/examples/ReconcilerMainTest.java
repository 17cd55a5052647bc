package io.github.sagemakerfake.examples;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerEndpoint;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;

/**
 * The command builds its own client from the SDK's configuration, like production code does. With
 * {@code transport = HTTP, setSystemProperties = true} the extension serves the fake on a loopback
 * port and, while the test runs, sets the SDK's own settings ({@code aws.endpointUrlSageMaker},
 * {@code aws.region}, {@code aws.accessKeyId}, {@code aws.secretAccessKey}), so ReconcilerMain
 * reaches the fake without a line changed. The extension restores the previous values afterwards,
 * and JUnit runs such classes one at a time under parallel execution.
 */
@SageMakerWorkforceTest(transport = Transport.HTTP, setSystemProperties = true)
@ResourceLock(Resources.SYSTEM_PROPERTIES) // the SDK settings are JVM-wide: JUnit runs such classes one at a time
class ReconcilerMainTest {

    @TempDir
    Path directory;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void reachesTheFakeThroughTheSdksEndpointSetting(FakeControl fake, @SageMakerEndpoint URI endpoint) throws IOException {
        assertThat(System.getProperty("aws.endpointUrlSageMaker")).isEqualTo(endpoint.toString());

        int status = run(Files.writeString(directory.resolve("teams.properties"), """
                cognito.userPool = us-east-1_AbC123
                cognito.clientId = labeling-portal
                teams = labelers, reviewers
                team.labelers.description = Labels street scenes
                team.labelers.groups = labelers
                team.reviewers.description = Reviews labels
                team.reviewers.groups = reviewers
                """));

        assertThat(status).as(text(err)).isZero();
        assertThat(text(out)).contains("created work team labelers", "created work team reviewers");
        assertThat(fake).hasOnlyWorkteamsNamed("labelers", "reviewers");
        assertThat(fake).hasWorkteam("labelers").hasTag("managed-by", "reconciler");
    }

    @Test
    void exitsWithOneAndSaysSoWhenTheWorkteamLimitIsReached(SageMakerClient setUp) throws IOException {
        for (int i = 1; i <= 24; i++) {
            String name = "other-" + i;
            setUp.createWorkteam(r -> r.workteamName(name).description("Not ours")
                    .memberDefinitions(MemberDefinition.builder().cognitoMemberDefinition(c -> c
                            .userPool("us-east-1_AbC123").clientId("labeling-portal").userGroup(name)).build()));
        }

        int status = run(Files.writeString(directory.resolve("teams.properties"), """
                cognito.userPool = us-east-1_AbC123
                cognito.clientId = labeling-portal
                teams = labelers, reviewers
                team.labelers.description = Labels street scenes
                team.labelers.groups = labelers
                team.reviewers.description = Reviews labels
                team.reviewers.groups = reviewers
                """));

        assertThat(status).isEqualTo(1);
        assertThat(text(out))
                .contains("created work team labelers")
                .contains("work team limit reached, not created: reviewers")
                .contains("WORKTEAM_LIMIT_REACHED [reviewers]: SageMaker refused to create more work teams");
    }

    @Test
    void exitsWithTwoForAnInvalidFile(FakeControl fake) throws IOException {
        int status = run(Files.writeString(directory.resolve("teams.properties"), "teams = labelers\n"));

        assertThat(status).isEqualTo(2);
        assertThat(text(err)).isEqualToIgnoringNewLines("The desired state needs a value for cognito.userPool");
        assertThat(fake.journal()).as("no request was sent").isEmpty();
    }

    private int run(Path config) {
        return ReconcilerMain.run(new String[] {config.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
