package consumer;

import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** The code under test of the README's container example: it creates a work team. */
public class TeamProvisioner {

    private final SageMakerClient sageMaker;

    public TeamProvisioner(SageMakerClient sageMaker) {
        this.sageMaker = sageMaker;
    }

    public void provision(String team) {
        sageMaker.createWorkteam(r -> r.workteamName(team).description("Team " + team)
                .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c.userPool("us-east-1_AbC123")
                        .clientId("app-client").userGroup(team))));
    }
}
