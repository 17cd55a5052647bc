package io.github.sagemakerfake.examples.snippets.assertions;

import java.util.List;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

class LabelingTeams {
    static final String POOL = "us-east-1_abc123";
    static final String CLIENT_ID = "labeling-portal";

    private final SageMakerClient sageMaker;

    LabelingTeams(SageMakerClient sageMaker) {
        this.sageMaker = sageMaker;
    }

    void ensureTeam(String name, List<String> groups) {
        List<MemberDefinition> members = groups.stream()   // one CognitoMemberDefinition per group
                .map(group -> MemberDefinition.builder().cognitoMemberDefinition(c -> c
                        .userPool(POOL).clientId(CLIENT_ID).userGroup(group)).build())
                .toList();
        try {
            sageMaker.describeWorkteam(r -> r.workteamName(name));
            sageMaker.updateWorkteam(r -> r.workteamName(name).memberDefinitions(members));
        } catch (SageMakerException e) {
            if (!e.awsErrorDetails().errorMessage().contains("The work team")) {
                throw e;
            }
            sageMaker.createWorkteam(r -> r.workteamName(name).description("Labelers for " + name)
                    .memberDefinitions(members)
                    .tags(Tag.builder().key("managed-by").value("labeling-teams").build()));
        }
    }
}
