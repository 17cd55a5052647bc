package io.github.sagemakerfake.assertions;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FlowDefinitionSnapshot;
import io.github.sagemakerfake.control.HumanTaskUiSnapshot;
import io.github.sagemakerfake.control.LabelingJobSnapshot;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.control.StateSnapshot;
import io.github.sagemakerfake.control.WorkforceSnapshot;
import io.github.sagemakerfake.control.WorkteamSnapshot;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkforceResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkteamResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Workforce;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/**
 * The same assertions in BDD style, next to AssertJ's {@code BDDAssertions.then}:
 * {@code then(fake).hasWorkteam("labelers")}, {@code thenJournal(fake).hasCalled("CreateWorkteam")},
 * {@code thenSageMakerCall(() -> ...).isResourceInUse()}.
 */
public class SageMakerWorkforceBddAssertions {

    protected SageMakerWorkforceBddAssertions() {
    }

    public static RegionStateAssert then(FakeControl fake) {
        return RegionStateAssert.assertThat(fake);
    }

    public static RegionStateAssert then(RegionSnapshot state) {
        return RegionStateAssert.assertThat(state);
    }

    public static StateSnapshotAssert then(StateSnapshot state) {
        return StateSnapshotAssert.assertThat(state);
    }

    public static LabelingJobAssert then(LabelingJobSnapshot job) {
        return LabelingJobAssert.assertThat(job);
    }

    public static FlowDefinitionAssert then(FlowDefinitionSnapshot flow) {
        return FlowDefinitionAssert.assertThat(flow);
    }

    public static HumanTaskUiAssert then(HumanTaskUiSnapshot ui) {
        return HumanTaskUiAssert.assertThat(ui);
    }

    public static WorkteamAssert then(WorkteamSnapshot workteam) {
        return WorkteamAssert.assertThat(workteam);
    }

    public static WorkforceAssert then(WorkforceSnapshot workforce) {
        return WorkforceAssert.assertThat(workforce);
    }

    public static WorkteamAssert then(Workteam workteam) {
        return WorkteamAssert.assertThat(workteam);
    }

    public static WorkteamAssert then(DescribeWorkteamResponse response) {
        return WorkteamAssert.assertThat(response);
    }

    public static WorkforceAssert then(Workforce workforce) {
        return WorkforceAssert.assertThat(workforce);
    }

    public static WorkforceAssert then(DescribeWorkforceResponse response) {
        return WorkforceAssert.assertThat(response);
    }

    public static SageMakerErrorAssert then(SageMakerException error) {
        return SageMakerErrorAssert.assertThat(error);
    }

    public static SageMakerErrorAssert thenSageMakerCall(ThrowingCallable call) {
        return SageMakerErrorAssert.assertThatSageMakerCall(call);
    }

    public static RequestJournalAssert thenJournal(FakeControl fake) {
        return RequestJournalAssert.assertThatJournal(fake);
    }

    public static RequestJournalAssert thenJournal(List<JournalEntry> journal) {
        return RequestJournalAssert.assertThatJournal(journal);
    }
}
