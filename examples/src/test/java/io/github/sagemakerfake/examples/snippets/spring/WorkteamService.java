package io.github.sagemakerfake.examples.snippets.spring;

import java.util.List;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/** Creates and lists work teams through the application's SageMakerClient bean. */
@Service
public class WorkteamService {

    private final SageMakerClient sageMaker;

    public WorkteamService(SageMakerClient sageMaker) {
        this.sageMaker = sageMaker;
    }

    public void createTeam(String name) {
        sageMaker.createWorkteam(r -> r.workteamName(name).description("Labelers of " + name)
                .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c
                        .userPool("us-east-1_labeling").clientId("labeling-app").userGroup(name))));
    }

    public List<String> teamNames() {
        return sageMaker.listWorkteamsPaginator(r -> { }).workteams().stream().map(Workteam::workteamName).toList();
    }
}
