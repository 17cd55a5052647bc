package io.github.sagemakerfake.backend;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The 16 SageMaker operations this fake serves, with their model input shapes. */
public enum Operation {
    CREATE_WORKFORCE("CreateWorkforce", "CreateWorkforceRequest"),
    DESCRIBE_WORKFORCE("DescribeWorkforce", "DescribeWorkforceRequest"),
    UPDATE_WORKFORCE("UpdateWorkforce", "UpdateWorkforceRequest"),
    DELETE_WORKFORCE("DeleteWorkforce", "DeleteWorkforceRequest"),
    LIST_WORKFORCES("ListWorkforces", "ListWorkforcesRequest"),
    CREATE_WORKTEAM("CreateWorkteam", "CreateWorkteamRequest"),
    DESCRIBE_WORKTEAM("DescribeWorkteam", "DescribeWorkteamRequest"),
    UPDATE_WORKTEAM("UpdateWorkteam", "UpdateWorkteamRequest"),
    DELETE_WORKTEAM("DeleteWorkteam", "DeleteWorkteamRequest"),
    LIST_WORKTEAMS("ListWorkteams", "ListWorkteamsRequest"),
    ADD_TAGS("AddTags", "AddTagsInput"),
    LIST_TAGS("ListTags", "ListTagsInput"),
    DELETE_TAGS("DeleteTags", "DeleteTagsInput"),
    LIST_LABELING_JOBS_FOR_WORKTEAM("ListLabelingJobsForWorkteam", "ListLabelingJobsForWorkteamRequest"),
    LIST_SUBSCRIBED_WORKTEAMS("ListSubscribedWorkteams", "ListSubscribedWorkteamsRequest"),
    DESCRIBE_SUBSCRIBED_WORKTEAM("DescribeSubscribedWorkteam", "DescribeSubscribedWorkteamRequest");

    private static final Map<String, Operation> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Operation::wireName, Function.identity()));

    private final String wireName;
    private final String inputShape;

    Operation(String wireName, String inputShape) {
        this.wireName = wireName;
        this.inputShape = inputShape;
    }

    /** The name after {@code SageMaker.} in {@code X-Amz-Target}. */
    public String wireName() {
        return wireName;
    }

    public String inputShape() {
        return inputShape;
    }

    /** The operation with this wire name, or null if the fake does not serve it. */
    public static Operation fromWireName(String name) {
        return BY_NAME.get(name);
    }

    /** Names of all served operations, sorted, for error messages. */
    public static String servedNames() {
        return Arrays.stream(values()).map(Operation::wireName).sorted().collect(Collectors.joining(", "));
    }
}
