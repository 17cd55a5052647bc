package io.github.sagemakerfake.internal.backend;

/**
 * The rules of one family of resources, in one file a newcomer finds by name: {@link Workforces},
 * {@link Workteams}, {@link Tags}, {@link SubscribedWorkteams} and {@link LabelingJobs} (the labeling
 * plane: labeling jobs, and where flow definitions and human task UIs join them). Each family hands
 * {@link OperationDispatch} one {@link Handler} per {@link Operation} it owns.
 */
interface ResourceFamily {

    /** Registers this family's handlers, one per operation it owns. */
    void register(OperationDispatch.Registrar registrar);
}
