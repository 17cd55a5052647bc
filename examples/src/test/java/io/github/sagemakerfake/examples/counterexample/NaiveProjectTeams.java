package io.github.sagemakerfake.examples.counterexample;

import java.util.Locale;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;

/**
 * COUNTER-EXAMPLE, DO NOT COPY. Buggy on purpose, for {@link MockVersusFakeTest}.
 *
 * <p>Derives a work team name from a project name with underscores. SageMaker's pattern for work
 * team names, {@code ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}}, allows hyphens only; the SDK does no
 * client-side validation, so only the service (or a faithful fake) refuses the name.
 */
final class NaiveProjectTeams {

    private final SageMakerClient sageMaker;

    NaiveProjectTeams(SageMakerClient sageMaker) {
        this.sageMaker = sageMaker;
    }

    String createTeamFor(String project) {
        String name = project.toLowerCase(Locale.ROOT).replace(' ', '_');   // the bug: '_' is not allowed
        sageMaker.createWorkteam(CreateWorkteamRequest.builder().workteamName(name).description("Team of " + project)
                .memberDefinitions(MemberDefinition.builder().cognitoMemberDefinition(c -> c
                        .userPool("us-east-1_AbC123").clientId("labeling-portal").userGroup(name)).build())
                .build());
        return name;
    }
}
