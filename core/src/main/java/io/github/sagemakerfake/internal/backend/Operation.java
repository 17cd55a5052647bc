package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.validation.SageMakerShapes;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The 28 SageMaker operations this fake serves; their input shapes come from the model table. */
public enum Operation {
    CREATE_WORKFORCE("CreateWorkforce"),
    DESCRIBE_WORKFORCE("DescribeWorkforce"),
    UPDATE_WORKFORCE("UpdateWorkforce"),
    DELETE_WORKFORCE("DeleteWorkforce"),
    LIST_WORKFORCES("ListWorkforces"),
    CREATE_WORKTEAM("CreateWorkteam"),
    DESCRIBE_WORKTEAM("DescribeWorkteam"),
    UPDATE_WORKTEAM("UpdateWorkteam"),
    DELETE_WORKTEAM("DeleteWorkteam"),
    LIST_WORKTEAMS("ListWorkteams"),
    ADD_TAGS("AddTags"),
    LIST_TAGS("ListTags"),
    DELETE_TAGS("DeleteTags"),
    LIST_LABELING_JOBS_FOR_WORKTEAM("ListLabelingJobsForWorkteam"),
    LIST_SUBSCRIBED_WORKTEAMS("ListSubscribedWorkteams"),
    DESCRIBE_SUBSCRIBED_WORKTEAM("DescribeSubscribedWorkteam"),
    // The labeling plane (docs/labeling.md), served by LabelingOperations.
    CREATE_LABELING_JOB("CreateLabelingJob"),
    DESCRIBE_LABELING_JOB("DescribeLabelingJob"),
    LIST_LABELING_JOBS("ListLabelingJobs"),
    STOP_LABELING_JOB("StopLabelingJob"),
    CREATE_FLOW_DEFINITION("CreateFlowDefinition"),
    DESCRIBE_FLOW_DEFINITION("DescribeFlowDefinition"),
    LIST_FLOW_DEFINITIONS("ListFlowDefinitions"),
    DELETE_FLOW_DEFINITION("DeleteFlowDefinition"),
    CREATE_HUMAN_TASK_UI("CreateHumanTaskUi"),
    DESCRIBE_HUMAN_TASK_UI("DescribeHumanTaskUi"),
    LIST_HUMAN_TASK_UIS("ListHumanTaskUis"),
    DELETE_HUMAN_TASK_UI("DeleteHumanTaskUi");

    private static final Map<String, Operation> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Operation::wireName, Function.identity()));

    private final String wireName;
    private final String inputShape;

    Operation(String wireName) {
        this.wireName = wireName;
        this.inputShape = SageMakerShapes.operation(wireName).input(); // from the model, not restated here
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
