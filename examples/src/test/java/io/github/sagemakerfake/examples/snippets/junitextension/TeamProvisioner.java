package io.github.sagemakerfake.examples.snippets.junitextension;

import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;

/** The "code under test" of the docs/junit-extension.md snippets. */
final class TeamProvisioner {

    private final SageMakerClient sageMaker;

    TeamProvisioner(SageMakerClient sageMaker) {
        this.sageMaker = sageMaker;
    }

    /** Creates {@code prefix-1} to {@code prefix-count}. */
    void createTeams(String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            String name = prefix + "-" + i;
            sageMaker.createWorkteam(r -> r.workteamName(name).description("Team " + name)
                    .memberDefinitions(MemberDefinition.builder().cognitoMemberDefinition(c -> c
                            .userPool("us-east-1_abc123").clientId("client").userGroup(name)).build()));
        }
    }
}
