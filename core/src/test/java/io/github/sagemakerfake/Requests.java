package io.github.sagemakerfake;

import software.amazon.awssdk.services.sagemaker.model.CognitoConfig;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkforceRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.OidcConfig;

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
}
