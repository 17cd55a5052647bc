package io.github.sagemakerfake.assertions;

import java.util.Arrays;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.WorkforceStatus;

/** State built through the real SDK client, as the code under test would build it. */
final class Fixtures {

    static final String POOL = "us-east-1_abc123";
    static final String CLIENT_ID = "client-1";
    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:labeling-jobs";
    static final String ISSUER = "https://idp.example.com";

    private Fixtures() {
    }

    /** Creates the Cognito workforce "default" and waits until it is Active, as provisioning code does. */
    static void cognitoWorkforce(SageMakerClient sageMaker) {
        startCognitoWorkforce(sageMaker);
        awaitActive(sageMaker, "default");
    }

    /** Creates the Cognito workforce "default" without waiting: it is Initializing. */
    static void startCognitoWorkforce(SageMakerClient sageMaker) {
        sageMaker.createWorkforce(r -> r.workforceName("default")
                .cognitoConfig(c -> c.userPool(POOL).clientId(CLIENT_ID)));
    }

    /** Polls DescribeWorkforce until Active (at most 10 reads), as code for AWS waits for a workforce. */
    static void awaitActive(SageMakerClient sageMaker, String name) {
        for (int read = 0; read < 10; read++) {
            if (sageMaker.describeWorkforce(r -> r.workforceName(name)).workforce().status() == WorkforceStatus.ACTIVE) {
                return;
            }
        }
        throw new AssertionError("Workforce " + name + " was not Active after 10 reads");
    }

    /** Creates an OIDC workforce "oidc-workforce" with two CIDRs and waits until it is Active. */
    static void oidcWorkforce(SageMakerClient sageMaker) {
        sageMaker.createWorkforce(r -> r.workforceName("oidc-workforce")
                .oidcConfig(o -> o.clientId("oidc-client").clientSecret("s3cret").issuer(ISSUER)
                        .authorizationEndpoint(ISSUER + "/authorize").tokenEndpoint(ISSUER + "/token")
                        .userInfoEndpoint(ISSUER + "/userinfo").logoutEndpoint(ISSUER + "/logout")
                        .jwksUri(ISSUER + "/jwks"))
                .sourceIpConfig(s -> s.cidrs("10.0.0.0/16", "192.168.1.0/24")));
        awaitActive(sageMaker, "oidc-workforce");
    }

    /** A Cognito team (creating the workforce "default" if there is none), one member definition per group. */
    static void cognitoTeam(SageMakerClient sageMaker, String name, String description, String... groups) {
        sageMaker.createWorkteam(r -> r.workteamName(name).description(description)
                .memberDefinitions(Arrays.stream(groups)
                        .map(g -> MemberDefinition.builder().cognitoMemberDefinition(c -> c
                                .userPool(POOL).clientId(CLIENT_ID).userGroup(g)).build())
                        .toList()));
    }

    static void oidcTeam(SageMakerClient sageMaker, String name, String... groups) {
        sageMaker.createWorkteam(r -> r.workteamName(name).description("OIDC team " + name)
                .memberDefinitions(MemberDefinition.builder().oidcMemberDefinition(o -> o.groups(groups)).build()));
    }

    /** The fully configured team most tests look at. */
    static void labelers(SageMakerClient sageMaker) {
        sageMaker.createWorkteam(r -> r.workteamName("labelers").description("Image labelers for project Atlas")
                .memberDefinitions(
                        MemberDefinition.builder().cognitoMemberDefinition(c -> c
                                .userPool(POOL).clientId(CLIENT_ID).userGroup("labelers")).build(),
                        MemberDefinition.builder().cognitoMemberDefinition(c -> c
                                .userPool(POOL).clientId(CLIENT_ID).userGroup("reviewers")).build())
                .notificationConfiguration(n -> n.notificationTopicArn(TOPIC))
                .workerAccessConfiguration(w -> w.s3Presign(s -> s.iamPolicyConstraints(i -> i
                        .sourceIp("Enabled").vpcSourceIp("Disabled"))))
                .tags(Tag.builder().key("team").value("vision").build(),
                        Tag.builder().key("cost-center").value("ml-42").build()));
    }

    static Map<String, String> labelersTags() {
        return Map.of("team", "vision", "cost-center", "ml-42");
    }

    /** A ValidationException as the service sends it for a member that breaks a model constraint. */
    static SageMakerException validationError(String message) {
        return (SageMakerException) SageMakerException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ValidationException")
                        .errorMessage(message)
                        .serviceName("SageMaker")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build())
                        .build())
                .statusCode(400)
                .message(message + " (Service: SageMaker, Status Code: 400, Request ID: test)")
                .build();
    }

    static final String BAD_TEAM_NAME = "1 validation error detected: Value 'my_team' at 'workteamName' failed to "
            + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}";

    static final String TWO_ERRORS = "2 validation errors detected: Value 'my_team' at 'workteamName' failed to "
            + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}; "
            + "Value 'pool' at 'memberDefinitions.1.member.cognitoMemberDefinition.userPool' failed to satisfy "
            + "constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+";

    /** Lines joined as the assertions join them. */
    static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines);
    }
}
