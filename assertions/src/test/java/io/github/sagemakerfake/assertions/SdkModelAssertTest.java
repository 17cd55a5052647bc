package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Fixtures.POOL;
import static io.github.sagemakerfake.assertions.Fixtures.TOPIC;
import static io.github.sagemakerfake.assertions.Fixtures.labelers;
import static io.github.sagemakerfake.assertions.Fixtures.lines;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.WorkteamSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkforceResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkteamResponse;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/** The SDK's model objects are asserted with the snapshots' vocabulary. */
class SdkModelAssertTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void describeWorkteamResponse() {
        labelers(sageMaker);
        DescribeWorkteamResponse response = sageMaker.describeWorkteam(r -> r.workteamName("labelers"));

        assertThat(response)
                .hasName("labelers")
                .hasDescription("Image labelers for project Atlas")
                .hasMemberGroupsExactly("labelers", "reviewers")
                .usesCognitoUserPool(POOL)
                .hasNotificationTopic(TOPIC)
                .hasWorkerAccessSourceIp("Enabled")
                .belongsToWorkforce("default");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(response).hasDescription("Labelers"))
                .withMessage(lines("Expecting work team \"labelers\" to have description:", "  \"Labelers\"",
                        "but was:", "  \"Image labelers for project Atlas\""));
    }

    @Test
    void a_workteam_from_the_sdk_reads_as_the_fake_holds_it() {
        labelers(sageMaker);
        Workteam fromSdk = sageMaker.describeWorkteam(r -> r.workteamName("labelers")).workteam();
        WorkteamSnapshot held = fake.state().workteam("labelers").orElseThrow();

        org.assertj.core.api.Assertions.assertThat(SdkWireForm.workteam(fromSdk).toMap()).isEqualTo(held.toMap());
    }

    @Test
    void workteams_from_listWorkteams() {
        Fixtures.cognitoTeam(sageMaker, "a", "Team A", "g1");
        Fixtures.cognitoTeam(sageMaker, "b", "Team B", "g2");

        for (Workteam team : sageMaker.listWorkteams().workteams()) {
            assertThat(team).usesCognito().belongsToWorkforce("default");
        }
        assertThat(sageMaker.listWorkteams().workteams().get(1)).hasName("b").hasMemberGroupsExactly("g2");
    }

    @Test
    void tags_are_not_part_of_an_sdk_workteam() {
        labelers(sageMaker);
        DescribeWorkteamResponse response = sageMaker.describeWorkteam(r -> r.workteamName("labelers"));

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(response).hasNoTags())
                .withMessage(lines("Expecting work team \"labelers\" to have no tags, but a Workteam from the SDK "
                                + "carries no tags.",
                        "Assert on the fake's state instead: assertThat(fake).hasWorkteam(\"labelers\").hasTag(...)"));
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(response.workteam()).hasTag("team", "vision"))
                .withMessageStartingWith("Expecting work team \"labelers\" to have tag \"team\"=\"vision\", but a "
                        + "Workteam from the SDK carries no tags.");
    }

    @Test
    void describeWorkforceResponse() {
        Fixtures.oidcWorkforce(sageMaker);
        DescribeWorkforceResponse response = sageMaker.describeWorkforce(r -> r.workforceName("oidc-workforce"));

        assertThat(response)
                .hasName("oidc-workforce")
                .isActive()
                .usesOidcIssuer(Fixtures.ISSUER)
                .hasSourceIpCidrs("10.0.0.0/16", "192.168.1.0/24")
                .hasSubDomainInRegion("us-east-1");
        assertThat(response.workforce()).hasSubDomain(fake.state().workforce().orElseThrow().subDomain());
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(response).usesCognito())
                .withMessage("Expecting workforce \"oidc-workforce\" to use Amazon Cognito, but it has OidcConfig "
                        + "with Issuer \"https://idp.example.com\"");
    }

    @Test
    void null_sdk_objects() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat((Workteam) null).hasName("labelers"))
                .withMessageContaining("Expecting actual not to be null");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat((DescribeWorkforceResponse) null).isActive())
                .withMessageContaining("Expecting actual not to be null");
    }
}
