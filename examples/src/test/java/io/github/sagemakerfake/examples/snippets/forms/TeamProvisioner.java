package io.github.sagemakerfake.examples.snippets.forms;

import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;

/** The code under test of the docs/forms.md snippets: it takes a client. */
final class TeamProvisioner {

    private final SageMakerClient sageMaker;

    TeamProvisioner(SageMakerClient sageMaker) {
        this.sageMaker = sageMaker;
    }

    void provision(String name) {
        sageMaker.createWorkteam(r -> r.workteamName(name).description("Team " + name)
                .memberDefinitions(MemberDefinition.builder().cognitoMemberDefinition(c -> c
                        .userPool("us-east-1_abc123").clientId("client").userGroup(name)).build()));
    }
}
