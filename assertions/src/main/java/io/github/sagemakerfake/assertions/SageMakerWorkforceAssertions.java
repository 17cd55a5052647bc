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
 * The entry point of the assertions: one static import next to AssertJ's own.
 *
 * <pre>{@code
 * import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.*;
 * import static org.assertj.core.api.Assertions.*;
 *
 * try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create()) {
 *     new TeamProvisioner(fake.client()).provision("labelers");   // the code under test
 *
 *     assertThat(fake).hasWorkteam("labelers")
 *             .hasDescription("Image labelers")
 *             .hasMemberGroupsExactly("labelers")
 *             .hasTag("cost-center", "ml");
 *     assertThatJournal(fake).hasCalled("CreateWorkteam").once();
 *     assertThatSageMakerCall(() -> fake.client().describeWorkteam(r -> r.workteamName("gone")))
 *             .isNotFoundQuirk();
 * }
 * }</pre>
 *
 * <p>Every assertion reads the fake's {@link FakeControl control surface}, so the same test works
 * against the in-process fake, a server or a container. The SDK's model objects share the
 * vocabulary of the snapshots. For soft assertions use {@link SageMakerWorkforceSoftAssertions};
 * for BDD style, {@link SageMakerWorkforceBddAssertions}.
 */
public class SageMakerWorkforceAssertions {

    protected SageMakerWorkforceAssertions() {
    }

    // ------------------------------------------------------------------ state

    /** Assertions on the fake's default account and region, as they are now (a snapshot is taken). */
    public static RegionStateAssert assertThat(FakeControl fake) {
        return RegionStateAssert.assertThat(fake);
    }

    /** Assertions on one account and region: {@code assertThat(fake.state("111122223333", "eu-west-1"))}. */
    public static RegionStateAssert assertThat(RegionSnapshot state) {
        return RegionStateAssert.assertThat(state);
    }

    /** Assertions across every account and region. */
    public static StateSnapshotAssert assertThat(StateSnapshot state) {
        return StateSnapshotAssert.assertThat(state);
    }

    public static LabelingJobAssert assertThat(LabelingJobSnapshot job) {
        return LabelingJobAssert.assertThat(job);
    }

    public static FlowDefinitionAssert assertThat(FlowDefinitionSnapshot flow) {
        return FlowDefinitionAssert.assertThat(flow);
    }

    public static HumanTaskUiAssert assertThat(HumanTaskUiSnapshot ui) {
        return HumanTaskUiAssert.assertThat(ui);
    }

    public static WorkteamAssert assertThat(WorkteamSnapshot workteam) {
        return WorkteamAssert.assertThat(workteam);
    }

    public static WorkforceAssert assertThat(WorkforceSnapshot workforce) {
        return WorkforceAssert.assertThat(workforce);
    }

    // ------------------------------------------------------------------ the SDK's model objects

    /** A work team as the SDK returned it (no tags: the model's Workteam has none). */
    public static WorkteamAssert assertThat(Workteam workteam) {
        return WorkteamAssert.assertThat(workteam);
    }

    public static WorkteamAssert assertThat(DescribeWorkteamResponse response) {
        return WorkteamAssert.assertThat(response);
    }

    public static WorkforceAssert assertThat(Workforce workforce) {
        return WorkforceAssert.assertThat(workforce);
    }

    public static WorkforceAssert assertThat(DescribeWorkforceResponse response) {
        return WorkforceAssert.assertThat(response);
    }

    // ------------------------------------------------------------------ errors

    public static SageMakerErrorAssert assertThat(SageMakerException error) {
        return SageMakerErrorAssert.assertThat(error);
    }

    /**
     * Runs the call, verifies it threw a {@link SageMakerException}, and leads to assertions on it:
     * {@code assertThatSageMakerCall(() -> client.createWorkteam(request)).isResourceLimitExceeded()}.
     */
    public static SageMakerErrorAssert assertThatSageMakerCall(ThrowingCallable call) {
        return SageMakerErrorAssert.assertThatSageMakerCall(call);
    }

    // ------------------------------------------------------------------ the request journal

    /** Assertions on the requests the fake has received so far. */
    public static RequestJournalAssert assertThatJournal(FakeControl fake) {
        return RequestJournalAssert.assertThatJournal(fake);
    }

    /**
     * Assertions on a journal read earlier ({@code fake.journal()}). A name of its own, because
     * {@code assertThat(List)} is AssertJ's list assertion.
     */
    public static RequestJournalAssert assertThatJournal(List<JournalEntry> journal) {
        return RequestJournalAssert.assertThatJournal(journal);
    }

    /** Assertions on a required policy; see {@link RequestJournalAssert#requiredPolicy()} for the journal's own. */
    public static RequiredPolicyAssert assertThat(io.github.sagemakerfake.control.RequiredPolicy policy) {
        return new RequiredPolicyAssert(policy);
    }
}
