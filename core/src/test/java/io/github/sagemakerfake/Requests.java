package io.github.sagemakerfake;

import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CognitoConfig;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkforceRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.OidcConfig;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Workforce;
import software.amazon.awssdk.services.sagemaker.model.WorkforceStatus;

/** Valid requests that tests vary. */
final class Requests {

    static final String POOL = "us-east-1_AbCdEf123";
    static final String CLIENT = "app-client-1";

    private Requests() {
    }

    static MemberDefinition cognitoMember(String group) {
        return MemberDefinition.builder()
                .cognitoMemberDefinition(c -> c.userPool(POOL).clientId(CLIENT).userGroup(group)).build();
    }

    static MemberDefinition oidcMember(String... groups) {
        return MemberDefinition.builder().oidcMemberDefinition(o -> o.groups(groups)).build();
    }

    static CreateWorkteamRequest cognitoTeam(String name) {
        return CreateWorkteamRequest.builder().workteamName(name).description("Team " + name)
                .memberDefinitions(cognitoMember(name + "-group")).build();
    }

    static CreateWorkteamRequest oidcTeam(String name, String... groups) {
        return CreateWorkteamRequest.builder().workteamName(name).description("Team " + name)
                .memberDefinitions(oidcMember(groups)).build();
    }

    static CognitoConfig cognitoConfig() {
        return CognitoConfig.builder().userPool(POOL).clientId(CLIENT).build();
    }

    static OidcConfig oidcConfig() {
        return OidcConfig.builder().clientId("oidc-client").clientSecret("s3cr3t-value")
                .issuer("https://idp.example.com").authorizationEndpoint("https://idp.example.com/authorize")
                .tokenEndpoint("https://idp.example.com/token").userInfoEndpoint("https://idp.example.com/userinfo")
                .logoutEndpoint("https://idp.example.com/logout").jwksUri("https://idp.example.com/jwks").build();
    }

    static CreateWorkforceRequest cognitoWorkforce(String name) {
        return CreateWorkforceRequest.builder().workforceName(name).cognitoConfig(cognitoConfig()).build();
    }

    static CreateWorkforceRequest oidcWorkforce(String name) {
        return CreateWorkforceRequest.builder().workforceName(name).oidcConfig(oidcConfig()).build();
    }

    /** Polls DescribeWorkforce until the workforce has settled, as real code waits for Active (at most 10 reads). */
    static Workforce awaitSettled(SageMakerClient sageMaker, String name) {
        for (int read = 0; read < 10; read++) {
            Workforce wf = sageMaker.describeWorkforce(r -> r.workforceName(name)).workforce();
            if (wf.status() == WorkforceStatus.ACTIVE || wf.status() == WorkforceStatus.FAILED) {
                return wf;
            }
        }
        throw new AssertionError("Workforce " + name + " did not settle within 10 reads");
    }

    static Workforce awaitSettled(SageMakerAsyncClient sageMaker, String name) {
        for (int read = 0; read < 10; read++) {
            Workforce wf = sageMaker.describeWorkforce(r -> r.workforceName(name)).join().workforce();
            if (wf.status() == WorkforceStatus.ACTIVE || wf.status() == WorkforceStatus.FAILED) {
                return wf;
            }
        }
        throw new AssertionError("Workforce " + name + " did not settle within 10 reads");
    }

    /** Polls DescribeWorkforce until it says the workforce is gone (at most 10 reads). */
    static void awaitDeleted(SageMakerClient sageMaker, String name) {
        for (int read = 0; read < 10; read++) {
            try {
                sageMaker.describeWorkforce(r -> r.workforceName(name));
            } catch (SageMakerException e) {
                if (e.getMessage().contains("No workforce")) {
                    return;
                }
                throw e;
            }
        }
        throw new AssertionError("Workforce " + name + " was still there after 10 reads");
    }

    /** Creates a workforce and waits until it is Active, as provisioning code does before using it. */
    static Workforce createActive(SageMakerClient sageMaker, CreateWorkforceRequest request) {
        sageMaker.createWorkforce(request);
        return awaitSettled(sageMaker, request.workforceName());
    }
}
