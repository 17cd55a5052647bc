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
import java.util.function.Consumer;
import java.util.function.Function;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.api.StandardSoftAssertionsProvider;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkforceResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkteamResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Workforce;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/**
 * Soft assertions: every failure is collected and {@link #assertAll()} reports them together.
 * Like AssertJ's {@code SoftAssertions} it implements {@link StandardSoftAssertionsProvider}, so one
 * object also offers every standard soft assertion.
 *
 * <pre>{@code
 * SageMakerWorkforceSoftAssertions.assertSoftly(softly -> {
 *     softly.assertThat(fake).hasWorkteam("labelers").hasDescription("Image labelers").hasNoTags();
 *     softly.assertThat(fake).hasWorkforce().isActive();
 *     softly.assertThatJournal(fake).hasNoFailedCalls();
 * });
 * }</pre>
 *
 * <p>With JUnit Jupiter, AssertJ's {@code SoftAssertionsExtension} injects it into a field or
 * parameter annotated {@code @InjectSoftAssertions} and calls {@code assertAll()} after the test.
 *
 * <p>Chains that lead from one assertion to another ({@code hasWorkteam(name).hasDescription(...)})
 * stay soft at every step. When a step fails (no such team), that failure is collected once and
 * the checks chained after it are skipped, rather than each reporting the same missing team.
 */
public class SageMakerWorkforceSoftAssertions extends AbstractSoftAssertions implements StandardSoftAssertionsProvider {

    private final Navigation navigation = new Navigation() {
        @Override
        public <A extends AbstractAssert<A, T>, T> A open(Class<A> assertType, Class<T> actualType, T actual,
                                                          Function<T, A> factory) {
            return proxy(assertType, actualType, actual);
        }

        @Override
        public void report(AssertionError error) {
            collectAssertionError(error);
        }

        @Override
        public <A extends AbstractAssert<A, T>, T> A discarded(Class<A> assertType, Class<T> actualType) {
            // Soft assertions of their own that nobody asserts: what is chained after a failed step goes there.
            SageMakerWorkforceSoftAssertions sink = new SageMakerWorkforceSoftAssertions();
            return Navigation.inherit(sink.proxy(assertType, actualType, null), sink.navigation);
        }
    };

    /** Runs the soft assertions and reports every failure at the end. */
    public static void assertSoftly(Consumer<SageMakerWorkforceSoftAssertions> softly) {
        SoftAssertionsProvider.assertSoftly(SageMakerWorkforceSoftAssertions.class, softly);
    }

    // ------------------------------------------------------------------ state

    public RegionStateAssert assertThat(FakeControl fake) {
        RegionStateAssert assertion = proxy(RegionStateAssert.class, RegionSnapshot.class,
                fake == null ? null : fake.state());
        assertion.source = fake;
        return Navigation.inherit(assertion, navigation);
    }

    public RegionStateAssert assertThat(RegionSnapshot state) {
        return Navigation.inherit(proxy(RegionStateAssert.class, RegionSnapshot.class, state), navigation);
    }

    public StateSnapshotAssert assertThat(StateSnapshot state) {
        return Navigation.inherit(proxy(StateSnapshotAssert.class, StateSnapshot.class, state), navigation);
    }

    public LabelingJobAssert assertThat(LabelingJobSnapshot job) {
        return proxy(LabelingJobAssert.class, LabelingJobSnapshot.class, job);
    }

    public FlowDefinitionAssert assertThat(FlowDefinitionSnapshot flow) {
        return proxy(FlowDefinitionAssert.class, FlowDefinitionSnapshot.class, flow);
    }

    public HumanTaskUiAssert assertThat(HumanTaskUiSnapshot ui) {
        return proxy(HumanTaskUiAssert.class, HumanTaskUiSnapshot.class, ui);
    }

    public WorkteamAssert assertThat(WorkteamSnapshot workteam) {
        return proxy(WorkteamAssert.class, WorkteamSnapshot.class, workteam);
    }

    public WorkforceAssert assertThat(WorkforceSnapshot workforce) {
        return proxy(WorkforceAssert.class, WorkforceSnapshot.class, workforce);
    }

    // ------------------------------------------------------------------ the SDK's model objects

    public WorkteamAssert assertThat(Workteam workteam) {
        return proxyOver(WorkteamAssert.class, Workteam.class, workteam);
    }

    public WorkteamAssert assertThat(DescribeWorkteamResponse response) {
        return assertThat(response == null ? null : response.workteam());
    }

    public WorkforceAssert assertThat(Workforce workforce) {
        return proxyOver(WorkforceAssert.class, Workforce.class, workforce);
    }

    public WorkforceAssert assertThat(DescribeWorkforceResponse response) {
        return assertThat(response == null ? null : response.workforce());
    }

    // ------------------------------------------------------------------ errors

    public SageMakerErrorAssert assertThat(SageMakerException error) {
        return proxy(SageMakerErrorAssert.class, Throwable.class, error);
    }

    /** Like {@link SageMakerWorkforceAssertions#assertThatSageMakerCall}; when the call did not fail, that is reported once. */
    public SageMakerErrorAssert assertThatSageMakerCall(ThrowingCallable call) {
        Throwable thrown = Assertions.catchThrowable(call);
        SageMakerErrorAssert assertion = proxy(SageMakerErrorAssert.class, Throwable.class, thrown);
        if (thrown instanceof SageMakerException) {
            return assertion;
        }
        assertion.isSageMakerException(); // collects the failure
        return navigation.discarded(SageMakerErrorAssert.class, Throwable.class);
    }

    // ------------------------------------------------------------------ the request journal

    public RequestJournalAssert assertThatJournal(FakeControl fake) {
        return assertThatJournal(fake == null ? null : fake.journal());
    }

    public RequestJournalAssert assertThatJournal(List<JournalEntry> journal) {
        return Navigation.inherit(proxyOver(RequestJournalAssert.class, List.class, journal), navigation);
    }

    /** {@link #proxy} for an assertion built from another type than its actual value (the SDK's model objects). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <A extends AbstractAssert<A, ?>> A proxyOver(Class<A> assertType, Class<?> actualType, Object actual) {
        return (A) proxy((Class) assertType, (Class) actualType, actual);
    }
}
