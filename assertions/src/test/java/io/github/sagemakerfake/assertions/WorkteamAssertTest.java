package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Fixtures.POOL;
import static io.github.sagemakerfake.assertions.Fixtures.TOPIC;
import static io.github.sagemakerfake.assertions.Fixtures.labelers;
import static io.github.sagemakerfake.assertions.Fixtures.lines;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.WorkteamSnapshot;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.Tag;

class WorkteamAssertTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    @BeforeEach
    void createLabelers() {
        labelers(sageMaker);
    }

    @AfterEach
    void close() {
        fake.close();
    }

    private WorkteamAssert labelersTeam() {
        return assertThat(fake).hasWorkteam("labelers");
    }

    @Nested
    class Identity {

        @Test
        void hasName_hasArn_belongsToWorkforce_hasSubDomain() {
            WorkteamSnapshot team = fake.state().workteam("labelers").orElseThrow();
            String subDomain = fake.state().workforce().orElseThrow().subDomain();

            assertThat(team)
                    .hasName("labelers")
                    .hasArn("arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/labelers")
                    .belongsToWorkforce("default")
                    .belongsToWorkforce("arn:aws:sagemaker:us-east-1:123456789012:workforce/default")
                    .hasSubDomain(subDomain);
        }

        @Test
        void hasName_fails() {
            assertThatExceptionOfType(AssertionFailedError.class)
                    .isThrownBy(() -> labelersTeam().hasName("reviewers"))
                    .withMessage(lines("Expecting work team to be named:", "  \"reviewers\"", "but was:",
                            "  \"labelers\""));
        }

        @Test
        void hasArn_fails_with_expected_and_actual_for_the_ide_diff() {
            assertThatExceptionOfType(AssertionFailedError.class)
                    .isThrownBy(() -> labelersTeam().hasArn("arn:aws:sagemaker:us-east-1:123456789012:workteam/labelers"))
                    .withMessage(lines("Expecting work team \"labelers\" to have ARN:",
                            "  \"arn:aws:sagemaker:us-east-1:123456789012:workteam/labelers\"",
                            "but was:",
                            "  \"arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/labelers\""))
                    .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getExpected().getValue())
                            .isEqualTo("arn:aws:sagemaker:us-east-1:123456789012:workteam/labelers"));
        }

        @Test
        void belongsToWorkforce_fails() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().belongsToWorkforce("main"))
                    .withMessage(lines("Expecting work team \"labelers\" to belong to workforce:", "  \"main\"",
                            "but its WorkforceArn is:",
                            "  \"arn:aws:sagemaker:us-east-1:123456789012:workforce/default\""));
        }

        @Test
        void hasSubDomain_fails() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().hasSubDomain("portal.example.com"))
                    .withMessageStartingWith(lines("Expecting work team \"labelers\" to have SubDomain:",
                            "  \"portal.example.com\"", "but was:"))
                    .withMessageEndingWith(".labeling.us-east-1.sagemaker.aws\"");
        }
    }

    @Nested
    class Description {

        @Test
        void hasDescription_and_hasDescriptionContaining() {
            labelersTeam().hasDescription("Image labelers for project Atlas").hasDescriptionContaining("Atlas");
        }

        @Test
        void hasDescription_fails() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().hasDescription("Image labelers"))
                    .withMessage(lines("Expecting work team \"labelers\" to have description:",
                            "  \"Image labelers\"", "but was:", "  \"Image labelers for project Atlas\""));
        }

        @Test
        void hasDescriptionContaining_fails() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().hasDescriptionContaining("Zeus"))
                    .withMessage(lines("Expecting work team \"labelers\" to have a description containing:",
                            "  \"Zeus\"", "but was:", "  \"Image labelers for project Atlas\""));
        }
    }

    @Nested
    class Members {

        @Test
        void member_groups() {
            labelersTeam()
                    .hasMemberGroupsExactly("labelers", "reviewers")
                    .hasMemberGroupsExactlyInAnyOrder("reviewers", "labelers")
                    .hasMemberGroupsContaining("reviewers")
                    .usesCognito()
                    .usesCognitoUserPool(POOL);
        }

        @Test
        void hasMemberGroupsExactly_fails_on_missing_and_unexpected_groups() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().hasMemberGroupsExactly("labelers", "qa"))
                    .withMessage(lines(
                            "Expecting work team \"labelers\" to have exactly these member groups, in this order:",
                            "  [\"labelers\", \"qa\"]",
                            "but it has Cognito user groups:",
                            "  [\"labelers\", \"reviewers\"]",
                            "missing:",
                            "  [\"qa\"]",
                            "unexpected:",
                            "  [\"reviewers\"]"));
        }

        @Test
        void hasMemberGroupsExactly_fails_on_order() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().hasMemberGroupsExactly("reviewers", "labelers"))
                    .withMessageEndingWith("(same groups, other order)");
        }

        @Test
        void hasMemberGroupsExactlyInAnyOrder_fails() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().hasMemberGroupsExactlyInAnyOrder("labelers"))
                    .withMessage(lines(
                            "Expecting work team \"labelers\" to have exactly these member groups, in any order:",
                            "  [\"labelers\"]",
                            "but it has Cognito user groups:",
                            "  [\"labelers\", \"reviewers\"]",
                            "unexpected:",
                            "  [\"reviewers\"]"));
        }

        @Test
        void hasMemberGroupsContaining_fails_with_near_matches() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().hasMemberGroupsContaining("labelers", "reviewer"))
                    .withMessage(lines(
                            "Expecting work team \"labelers\" to have member groups including:",
                            "  [\"labelers\", \"reviewer\"]",
                            "but it has Cognito user groups:",
                            "  [\"labelers\", \"reviewers\"]",
                            "missing:",
                            "  [\"reviewer\"]",
                            "Did you mean: \"reviewers\"?"));
        }

        @Test
        void usesCognitoUserPool_fails() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().usesCognitoUserPool("us-east-1_other"))
                    .withMessage(lines("Expecting work team \"labelers\" to use Cognito user pool:",
                            "  \"us-east-1_other\"", "but its members use:", "  [\"us-east-1_abc123\"]"));
        }

        @Test
        void usesOidc_fails_on_a_cognito_team() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().usesOidc())
                    .withMessage("Expecting work team \"labelers\" to have OIDC members (OidcMemberDefinition), "
                            + "but it has Cognito user groups [\"labelers\", \"reviewers\"] of user pool "
                            + "\"us-east-1_abc123\"");
        }

        @Test
        void oidc_teams() {
            try (SageMakerWorkforceFake oidcFake = SageMakerWorkforceFake.create()) {
                SageMakerClient client = oidcFake.client();
                Fixtures.oidcWorkforce(client);
                Fixtures.oidcTeam(client, "annotators", "annotators", "leads");

                assertThat(oidcFake).hasWorkteam("annotators")
                        .usesOidc()
                        .hasMemberGroupsExactly("annotators", "leads")
                        .belongsToWorkforce("oidc-workforce");
                assertThatExceptionOfType(AssertionError.class)
                        .isThrownBy(() -> assertThat(oidcFake).hasWorkteam("annotators").usesCognito())
                        .withMessage("Expecting work team \"annotators\" to have Cognito members "
                                + "(CognitoMemberDefinition), but it has OIDC groups [\"annotators\", \"leads\"]");
                assertThatExceptionOfType(AssertionError.class)
                        .isThrownBy(() -> assertThat(oidcFake).hasWorkteam("annotators").usesCognitoUserPool(POOL))
                        .withMessage("Expecting work team \"annotators\" to use Cognito user pool "
                                + "\"us-east-1_abc123\", but it has OIDC groups [\"annotators\", \"leads\"]");
                assertThatExceptionOfType(AssertionError.class)
                        .isThrownBy(() -> assertThat(oidcFake).hasWorkteam("annotators").hasMemberGroupsExactly("leads"))
                        .withMessageContaining("but it has OIDC groups:");
            }
        }
    }

    @Nested
    class Configuration {

        @Test
        void notification_topic_and_worker_access() {
            labelersTeam()
                    .hasNotificationTopic(TOPIC)
                    .hasWorkerAccessSourceIp("Enabled")
                    .hasWorkerAccessVpcSourceIp("Disabled");
        }

        @Test
        void hasNotificationTopic_fails() {
            String other = "arn:aws:sns:us-east-1:123456789012:other";
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().hasNotificationTopic(other))
                    .withMessage(lines("Expecting work team \"labelers\" to notify SNS topic:",
                            "  \"arn:aws:sns:us-east-1:123456789012:other\"", "but it notifies:",
                            "  \"arn:aws:sns:us-east-1:123456789012:labeling-jobs\""));
        }

        @Test
        void without_notification_topic_or_worker_access() {
            Fixtures.cognitoTeam(sageMaker, "plain", "Plain team", "g");

            assertThat(fake).hasWorkteam("plain").hasNoNotificationTopic();
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkteam("plain").hasNotificationTopic(TOPIC))
                    .withMessage(lines("Expecting work team \"plain\" to notify SNS topic:",
                            "  \"arn:aws:sns:us-east-1:123456789012:labeling-jobs\"",
                            "but it has no notification topic"));
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(fake).hasWorkteam("plain").hasWorkerAccessSourceIp("Enabled"))
                    .withMessage("Expecting work team \"plain\" to have S3Presign IamPolicyConstraints SourceIp "
                            + "\"Enabled\", but it has no WorkerAccessConfiguration");
        }

        @Test
        void hasNoNotificationTopic_fails() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().hasNoNotificationTopic())
                    .withMessage(lines("Expecting work team \"labelers\" to have no notification topic, but it notifies:",
                            "  \"arn:aws:sns:us-east-1:123456789012:labeling-jobs\""));
        }

        @Test
        void hasWorkerAccessSourceIp_fails() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().hasWorkerAccessVpcSourceIp("Enabled"))
                    .withMessage("Expecting work team \"labelers\" to have S3Presign IamPolicyConstraints VpcSourceIp "
                            + "\"Enabled\", but it was \"Disabled\"");
        }
    }

    @Nested
    class Tags {

        @Test
        void tags() {
            labelersTeam()
                    .hasTag("team", "vision")
                    .hasTags(Map.of("cost-center", "ml-42"))
                    .hasTags(Fixtures.labelersTags());
        }

        @Test
        void hasTag_fails_on_another_value() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().hasTag("team", "nlp"))
                    .withMessage("Expecting work team \"labelers\" to have tag \"team\"=\"nlp\", but its value was "
                            + "\"vision\"");
        }

        @Test
        void hasTag_fails_on_a_missing_key_with_near_matches() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().hasTag("costcenter", "ml-42"))
                    .withMessage(lines(
                            "Expecting work team \"labelers\" to have tag \"costcenter\"=\"ml-42\", but it has no tag "
                                    + "\"costcenter\"; its tags are:",
                            "  {\"team\"=\"vision\", \"cost-center\"=\"ml-42\"}",
                            "Did you mean: \"cost-center\"?"));
        }

        @Test
        void hasTags_fails() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().hasTags(Map.of("team", "nlp")))
                    .withMessage(lines("Expecting work team \"labelers\" to have tags:", "  {\"team\"=\"nlp\"}",
                            "but its tags are:", "  {\"team\"=\"vision\", \"cost-center\"=\"ml-42\"}", "not found:",
                            "  {\"team\"=\"nlp\"}"));
        }

        @Test
        void tags_follow_AddTags_and_DeleteTags() {
            String arn = fake.state().workteam("labelers").orElseThrow().arn();
            sageMaker.deleteTags(r -> r.resourceArn(arn).tagKeys("team", "cost-center"));

            labelersTeam().hasNoTags();
            sageMaker.addTags(r -> r.resourceArn(arn).tags(Tag.builder().key("owner").value("ana").build()));
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> labelersTeam().hasNoTags())
                    .withMessage(lines("Expecting work team \"labelers\" to have no tags, but it has:",
                            "  {\"owner\"=\"ana\"}"));
        }
    }
}
