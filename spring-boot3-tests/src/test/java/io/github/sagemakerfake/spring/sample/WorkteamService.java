package io.github.sagemakerfake.spring.sample;

import java.util.List;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/** Creates and lists the work teams of the labeling platform through the application's client bean. */
@Service
public class WorkteamService {

    static final String USER_POOL = "us-east-1_labeling";
    static final String APP_CLIENT = "labeling-app";

    private final SageMakerClient sageMaker;

    public WorkteamService(SageMakerClient sageMaker) {
        this.sageMaker = sageMaker;
    }

    /** Creates a team whose members are the Cognito group of the same name; returns its ARN. */
    public String createTeam(String name) {
        return sageMaker.createWorkteam(r -> r.workteamName(name)
                        .description("Labelers of " + name)
                        .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c
                                .userPool(USER_POOL).clientId(APP_CLIENT).userGroup(name))))
                .workteamArn();
    }

    public void deleteTeam(String name) {
        sageMaker.deleteWorkteam(r -> r.workteamName(name));
    }

    public List<String> teamNames() {
        return sageMaker.listWorkteamsPaginator(r -> { }).workteams().stream().map(Workteam::workteamName).toList();
    }
}
