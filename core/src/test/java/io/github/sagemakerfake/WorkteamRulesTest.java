package io.github.sagemakerfake;

import static io.github.sagemakerfake.Requests.cognitoMember;
import static io.github.sagemakerfake.Requests.cognitoTeam;
import static io.github.sagemakerfake.Requests.cognitoWorkforce;
import static io.github.sagemakerfake.Requests.oidcMember;
import static io.github.sagemakerfake.Requests.oidcTeam;
import static io.github.sagemakerfake.Requests.oidcWorkforce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

class WorkteamRulesTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void theFirstCognitoTeamCreatesTheDefaultWorkforce() {
        String arn = sageMaker.createWorkteam(cognitoTeam("labelers")).workteamArn();

        assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/labelers");
        Workteam team = sageMaker.describeWorkteam(r -> r.workteamName("labelers")).workteam();
        assertThat(team.workforceArn()).isEqualTo("arn:aws:sagemaker:us-east-1:123456789012:workforce/default");
        assertThat(team.description()).isEqualTo("Team labelers");
        assertThat(team.memberDefinitions()).containsExactly(cognitoMember("labelers-group"));
        assertThat(team.createDate()).isEqualTo(team.lastUpdatedDate());
        assertThat(sageMaker.describeWorkforce(r -> r.workforceName("default")).workforce().cognitoConfig().userPool())
                .isEqualTo(Requests.POOL);
    }

    @Test
    void teamsShareTheirWorkforcesPortal() {
        sageMaker.createWorkforce(cognitoWorkforce("wf"));
        sageMaker.createWorkteam(cognitoTeam("a"));
        sageMaker.createWorkteam(cognitoTeam("b").toBuilder().workforceName("wf").build());

        String portal = sageMaker.describeWorkforce(r -> r.workforceName("wf")).workforce().subDomain();
        assertThat(sageMaker.listWorkteams(r -> { }).workteams()).extracting(Workteam::subDomain)
                .containsExactly(portal, portal);
    }

    @Test
    void oidcTeamsNeedAnOidcWorkforceFirst() {
        assertThatThrownBy(() -> sageMaker.createWorkteam(oidcTeam("t", "g")))
                .isExactlyInstanceOf(SageMakerException.class).hasMessageContaining("Create an OIDC workforce");
        sageMaker.createWorkforce(oidcWorkforce("oidc"));

        sageMaker.createWorkteam(oidcTeam("t", "g1", "g2"));
        assertThat(fake.state().workteam("t").orElseThrow().oidcGroups()).containsExactly("g1", "g2");
    }

    @Test
    void membersMustMatchTheWorkforcesIdentityProvider() {
        sageMaker.createWorkforce(cognitoWorkforce("wf"));
        assertThatThrownBy(() -> sageMaker.createWorkteam(oidcTeam("t", "g")))
                .hasMessageContaining("uses Amazon Cognito");
        assertThatThrownBy(() -> sageMaker.createWorkteam(r -> r.workteamName("t").description("d")
                .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c.userPool("us-east-1_Other1").clientId(Requests.CLIENT)
                        .userGroup("g")))))
                .hasMessageContaining("All members of a team must use the workforce's user pool");
        assertThatThrownBy(() -> sageMaker.createWorkteam(r -> r.workteamName("t").description("d")
                .memberDefinitions(cognitoMember("a"), oidcMember("b"))))
                .hasMessageContaining("mixes CognitoMemberDefinition and OidcMemberDefinition");
        assertThatThrownBy(() -> sageMaker.createWorkteam(r -> r.workteamName("t").description("d")
                .memberDefinitions(MemberDefinition.builder().build())))
                .hasMessageContaining("exactly one of CognitoMemberDefinition or OidcMemberDefinition; it has neither");
        assertThat(fake.state().workteams()).isEmpty();
    }

    @Test
    void cognitoTeamsCannotJoinAnOidcWorkforce() {
        sageMaker.createWorkforce(oidcWorkforce("oidc"));
        assertThatThrownBy(() -> sageMaker.createWorkteam(cognitoTeam("t"))).hasMessageContaining("uses an OIDC");
    }

    @Test
    void aWorkforceNameThatDoesNotExistIsRefused() {
        sageMaker.createWorkforce(cognitoWorkforce("wf"));
        assertThatThrownBy(() -> sageMaker.createWorkteam(cognitoTeam("t").toBuilder().workforceName("other").build()))
                .hasMessageContaining("No workforce found with name other");
    }

    @Test
    void duplicateNamesAreResourceInUse() {
        sageMaker.createWorkteam(cognitoTeam("t"));
        assertThatThrownBy(() -> sageMaker.createWorkteam(cognitoTeam("t")))
                .isInstanceOf(ResourceInUseException.class)
                .satisfies(e -> assertThat(((ResourceInUseException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void the26thTeamExceedsTheServiceLimit() {
        for (int i = 1; i <= 25; i++) {
            sageMaker.createWorkteam(cognitoTeam("team-" + i));
        }
        assertThatThrownBy(() -> sageMaker.createWorkteam(cognitoTeam("team-26")))
                .isInstanceOf(ResourceLimitExceededException.class)
                .hasMessageContaining("You cannot create more than 25 work teams in an account and region")
                .satisfies(e -> assertThat(((ResourceLimitExceededException) e).statusCode()).isEqualTo(400));
        assertThat(fake.state().workteams()).hasSize(25);
        // the limit is per account and region
        fake.client("123456789012", "eu-central-1").createWorkteam(cognitoTeam("team-26"));
    }

    @Test
    void theLimitIsConfigurablePerFake() {
        try (SageMakerWorkforceFake small = SageMakerWorkforceFake.builder().maxWorkteams(3).build()) {
            SageMakerClient client = small.client();
            for (int i = 1; i <= 3; i++) {
                client.createWorkteam(cognitoTeam("t" + i));
            }
            assertThatThrownBy(() -> client.createWorkteam(cognitoTeam("t4")))
                    .isInstanceOf(ResourceLimitExceededException.class).hasMessageContaining("more than 3");
        }
    }

    @Test
    void missingTeamsAreValidationExceptionsSayingTheWorkTeam() {
        for (Runnable call : new Runnable[] {
                () -> sageMaker.describeWorkteam(r -> r.workteamName("ghost")),
                () -> sageMaker.updateWorkteam(r -> r.workteamName("ghost").description("x")),
                () -> sageMaker.deleteWorkteam(r -> r.workteamName("ghost"))}) {
            assertThatThrownBy(call::run)
                    .isExactlyInstanceOf(SageMakerException.class)
                    .hasMessageContaining("The work team ghost")
                    .satisfies(e -> {
                        SageMakerException s = (SageMakerException) e;
                        assertThat(s.statusCode()).isEqualTo(400);
                        assertThat(s.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    });
        }
    }

    @Test
    void updateReplacesMembersAndLeavesOmittedMembersAlone() {
        sageMaker.createWorkteam(cognitoTeam("t").toBuilder()
                .notificationConfiguration(n -> n.notificationTopicArn("arn:aws:sns:us-east-1:123456789012:topic"))
                .build());
        fake.advanceClock(Duration.ofSeconds(5));

        Workteam updated = sageMaker.updateWorkteam(r -> r.workteamName("t")
                .memberDefinitions(cognitoMember("x"), cognitoMember("y"))).workteam();

        assertThat(updated.memberDefinitions()).containsExactly(cognitoMember("x"), cognitoMember("y"));
        assertThat(updated.description()).isEqualTo("Team t");
        assertThat(updated.lastUpdatedDate()).isAfter(updated.createDate());

        Workteam cleared = sageMaker.updateWorkteam(r -> r.workteamName("t").notificationConfiguration(n -> { })
                .workerAccessConfiguration(w -> w.s3Presign(s -> s.iamPolicyConstraints(i -> i.sourceIp("Enabled")))))
                .workteam();
        assertThat(cleared.notificationConfiguration()).isNotNull();
        assertThat(cleared.notificationConfiguration().notificationTopicArn()).isNull();
        assertThat(cleared.workerAccessConfiguration().s3Presign().iamPolicyConstraints().sourceIpAsString())
                .isEqualTo("Enabled");
    }

    @Test
    void updateWithoutNotificationConfigurationRemovesTheTopicAndKeepsTheDescription() {
        sageMaker.createWorkteam(cognitoTeam("t").toBuilder()
                .notificationConfiguration(n -> n.notificationTopicArn("arn:aws:sns:us-east-1:123456789012:topic"))
                .build());

        // What Terraform sends when a module drops the notification_configuration block.
        sageMaker.updateWorkteam(r -> r.workteamName("t").memberDefinitions(cognitoMember("x")));

        Workteam team = sageMaker.describeWorkteam(r -> r.workteamName("t")).workteam();
        assertThat(team.notificationConfiguration()).as("an empty NotificationConfiguration, not an absent one")
                .isNotNull();
        assertThat(team.notificationConfiguration().notificationTopicArn()).isNull();
        assertThat(team.description()).isEqualTo("Team t");
        assertThat(team.memberDefinitions()).containsExactly(cognitoMember("x"));
    }

    @Test
    void updateWithoutNotificationConfigurationRemovesTheTopicAsync() {
        SageMakerAsyncClient async = fake.asyncClient();
        async.createWorkteam(cognitoTeam("t").toBuilder()
                .notificationConfiguration(n -> n.notificationTopicArn("arn:aws:sns:us-east-1:123456789012:topic"))
                .build()).join();

        async.updateWorkteam(r -> r.workteamName("t").description("Renamed")).join();

        Workteam team = async.describeWorkteam(r -> r.workteamName("t")).join().workteam();
        assertThat(team.notificationConfiguration().notificationTopicArn()).isNull();
        assertThat(team.description()).isEqualTo("Renamed");
    }

    @Test
    void deleteReturnsSuccessAndTheTeamIsGone() {
        sageMaker.createWorkteam(cognitoTeam("t"));
        assertThat(sageMaker.deleteWorkteam(r -> r.workteamName("t")).success()).isTrue();
        assertThat(fake.state().workteams()).isEmpty();
        assertThatThrownBy(() -> sageMaker.deleteWorkteam(r -> r.workteamName("t"))).hasMessageContaining("The work team");
    }
}
