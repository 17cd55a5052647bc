package io.github.sagemakerfake.benchmarks.consumer;

import java.util.List;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CognitoMemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkforceRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.ListWorkteamsRequest;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/**
 * The code under test of the consumer suite: what a team's own service might do with SageMaker.
 * Request objects, not the SDK's consumer-lambda overloads, so a Mockito mock sees the same calls.
 */
public final class TeamDirectory {

    static final String USER_POOL = "us-east-1_abc123";
    static final String CLIENT_ID = "client1234567890";

    private final SageMakerClient sageMaker;

    public TeamDirectory(SageMakerClient sageMaker) {
        this.sageMaker = sageMaker;
    }

    /** A workforce and its teams, one Cognito group each. */
    public void provision(String workforce, List<String> teams) {
        sageMaker.createWorkforce(CreateWorkforceRequest.builder().workforceName(workforce)
                .cognitoConfig(c -> c.userPool(USER_POOL).clientId(CLIENT_ID)).build());
        for (String team : teams) {
            sageMaker.createWorkteam(CreateWorkteamRequest.builder().workteamName(team).workforceName(workforce)
                    .description("Team " + team)
                    .memberDefinitions(MemberDefinition.builder().cognitoMemberDefinition(CognitoMemberDefinition
                            .builder().userPool(USER_POOL).clientId(CLIENT_ID).userGroup(team).build()).build())
                    .build());
        }
    }

    public List<String> teamNames() {
        return sageMaker.listWorkteams(ListWorkteamsRequest.builder().build()).workteams().stream()
                .map(Workteam::workteamName).sorted().toList();
    }

    public String description(String team) {
        return sageMaker.describeWorkteam(DescribeWorkteamRequest.builder().workteamName(team).build())
                .workteam().description();
    }
}
