package io.github.sagemakerfake.assertions;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractAssert;

/**
 * How an assertion that leads to another one ({@code hasWorkteam(name)} to the team's
 * {@link WorkteamAssert}) opens it, hard or soft.
 *
 * <p>AssertJ's soft proxies only know their own navigation methods ({@code extracting}, ...). For
 * ours, a soft proxy would hand back the plain assertion (so its failures would throw at once) or,
 * when the step itself fails, {@code null} (so the chain dies with a NullPointerException). Soft
 * navigation instead opens the next assertion as a proxy of the same soft assertions, and when the
 * step fails, collects that failure and hands back a proxy whose failures go nowhere: the missing
 * team is reported once, not once per chained check.
 */
interface Navigation {

    /** Plain assertions: the next step is a plain assertion and a failure throws. */
    Navigation HARD = new Navigation() {
        @Override
        public <A extends AbstractAssert<A, T>, T> A open(Class<A> assertType, Class<T> actualType, T actual,
                                                          Function<T, A> factory) {
            return factory.apply(actual);
        }

        @Override
        public void report(AssertionError error) {
            throw error;
        }

        @Override
        public <A extends AbstractAssert<A, T>, T> A discarded(Class<A> assertType, Class<T> actualType) {
            throw new IllegalStateException("plain assertions never continue after a failure");
        }
    };

    <A extends AbstractAssert<A, T>, T> A open(Class<A> assertType, Class<T> actualType, T actual,
                                               Function<T, A> factory);

    /** Plain: throws the failure. Soft: collects it. */
    void report(AssertionError error);

    /** An assertion whose failures are dropped, to continue a soft chain after a failed step. */
    <A extends AbstractAssert<A, T>, T> A discarded(Class<A> assertType, Class<T> actualType);

    /**
     * Runs a navigation step: {@code step} checks the parent and returns the next actual value (or
     * fails); the next assertion keeps the parent's navigation and description.
     */
    static <A extends AbstractAssert<A, T>, T> A step(AbstractAssert<?, ?> parent, Navigation navigation,
                                                      Supplier<T> step, Class<A> assertType, Class<T> actualType,
                                                      Function<T, A> factory) {
        T next;
        try {
            next = step.get();
        } catch (AssertionError failure) {
            navigation.report(withoutOurFrames(failure));
            return navigation.discarded(assertType, actualType);
        }
        A child = navigation.open(assertType, actualType, next, factory);
        child.info.description(parent.info.description());
        return inherit(child, navigation);
    }

    /**
     * Drops this library's frames from a failure, as AssertJ drops its own, so the first frame is the
     * test's line: soft assertions print it next to each failure.
     */
    static AssertionError withoutOurFrames(AssertionError failure) {
        failure.setStackTrace(Arrays.stream(failure.getStackTrace())
                .filter(frame -> !isOurs(frame.getClassName()))
                .toArray(StackTraceElement[]::new));
        return failure;
    }

    private static boolean isOurs(String className) {
        String prefix = Navigation.class.getPackageName() + ".";
        if (!className.startsWith(prefix)) {
            return false;
        }
        String topLevel = className.substring(prefix.length()).split("\\$", 2)[0];
        return OUR_CLASSES.contains(topLevel);
    }

    /** The library's own classes; tests in the same package keep their frames. */
    Set<String> OUR_CLASSES = Set.of("SageMakerWorkforceAssertions", "SageMakerWorkforceSoftAssertions",
            "SageMakerWorkforceBddAssertions", "RegionStateAssert", "StateSnapshotAssert", "WorkteamAssert",
            "WorkforceAssert", "SageMakerErrorAssert", "RequestJournalAssert", "OperationCallsAssert", "Navigation",
            "RequiredPolicyAssert",
            "Texts", "NearMatches", "SdkWireForm", "AbstractFakeAssert", "LabelingJobAssert", "FlowDefinitionAssert",
            "HumanTaskUiAssert", "LabelingAsserts");

    /** Gives an assertion of this library the navigation it was opened with, so that its own steps are soft too. */
    static <A> A inherit(A assertion, Navigation navigation) {
        if (assertion instanceof AbstractFakeAssert<?, ?> ours) {
            ours.navigation = navigation;
        }
        return assertion;
    }
}
