package io.github.sagemakerfake.examples;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One work team as it should be: its description, the Cognito user groups whose users work in it,
 * and the SNS topic that hears about new labeling tasks (optional).
 *
 * @param name                 the work team name
 * @param description          the team's description (SageMaker requires one)
 * @param memberGroups         Cognito user group names, at least one; order is kept but not significant
 * @param notificationTopicArn the SNS topic ARN, or null for none
 */
public record TeamSpec(String name, String description, List<String> memberGroups, String notificationTopicArn) {

    public TeamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        memberGroups = List.copyOf(memberGroups);
        if (memberGroups.isEmpty()) {
            throw new IllegalArgumentException("Team " + name + " needs at least one member group");
        }
    }

    public Optional<String> notificationTopic() {
        return Optional.ofNullable(notificationTopicArn);
    }
}
