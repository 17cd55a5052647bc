package io.github.sagemakerfake.junit;

import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CognitoMemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamResponse;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;

/** Valid requests for the tests: Cognito work teams and workforces. */
final class Teams {

    static final String USER_POOL = "us-east-1_abc123";
    static final String CLIENT_ID = "client1234567890";

    private Teams() {
    }

    static CreateWorkteamResponse create(SageMakerClient sageMaker, String name) {
        return create(sageMaker, name, USER_POOL);
    }

    static CreateWorkteamResponse create(SageMakerClient sageMaker, String name, String userPool) {
        return sageMaker.createWorkteam(r -> r.workteamName(name).description("Team " + name)
                .memberDefinitions(member(userPool, "group-" + name)));
    }

    static MemberDefinition member(String userPool, String group) {
        return MemberDefinition.builder().cognitoMemberDefinition(CognitoMemberDefinition.builder()
                .userPool(userPool).clientId(CLIENT_ID).userGroup(group).build()).build();
    }

    static void createWorkforce(SageMakerClient sageMaker, String name) {
        sageMaker.createWorkforce(r -> r.workforceName(name)
                .cognitoConfig(c -> c.userPool(USER_POOL).clientId(CLIENT_ID)));
    }
}
