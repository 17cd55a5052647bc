package io.github.sagemakerfake.junit;

import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamResponse;

/** Valid requests for the tests: Cognito work teams and workforces in us-east-1. */
final class Teams {

    static final String USER_POOL = "us-east-1_abc123";
    static final String CLIENT_ID = "client1234567890";

    private Teams() {
    }

    static CreateWorkteamResponse create(SageMakerClient sageMaker, String name) {
        return sageMaker.createWorkteam(r -> r.workteamName(name).description("Team " + name)
                .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c
                        .userPool(USER_POOL).clientId(CLIENT_ID).userGroup("group-" + name))));
    }

    static void createWorkforce(SageMakerClient sageMaker, String name) {
        sageMaker.createWorkforce(r -> r.workforceName(name)
                .cognitoConfig(c -> c.userPool(USER_POOL).clientId(CLIENT_ID)));
    }
}
