package io.github.sagemakerfake.examples;

import java.util.List;

/**
 * Hears about every change the reconciler made (a chat channel, an audit log, an e-mail). Called
 * only for what actually changed: a run that finds everything as it should be notifies nobody.
 */
public interface Notifier {

    void teamCreated(String team);

    /** @param changes what differed, among {@code description}, {@code member groups} and {@code notification topic} */
    void teamUpdated(String team, List<String> changes);

    void teamDeleted(String team);

    /**
     * SageMaker refused to create more work teams (25 per account and region).
     *
     * @param teamsNotCreated the desired teams that do not exist because of it
     * @param serviceMessage  what SageMaker said
     */
    void workteamLimitReached(List<String> teamsNotCreated, String serviceMessage);
}
