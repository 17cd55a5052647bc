package io.github.sagemakerfake.assertions;

import org.assertj.core.api.AbstractAssert;

/**
 * What every assertion of this library shares, as AssertJ's own assertions share their failure
 * factories: failing in the "Expecting ... but ..." voice, and the {@link Navigation} (plain or
 * soft) that an assertion leading to another one hands on. Extend it to write an assertion of
 * your own in the same voice.
 *
 * @param <SELF>   the assertion's own type, returned by every check so that calls chain
 * @param <ACTUAL> the type of the value under test
 */
public abstract class AbstractFakeAssert<SELF extends AbstractFakeAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractAssert<SELF, ACTUAL> {

    /** Plain unless soft assertions opened this one; read by {@link Navigation#step}. */
    Navigation navigation = Navigation.HARD;

    protected AbstractFakeAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Fails with this message, formatted here with {@link String#format}: AssertJ formats its
     * message once more, so the result is passed as an argument, and a {@code %} in a name or an
     * error message from the fake cannot break it.
     *
     * @throws AssertionError always (collected instead by soft assertions)
     */
    protected final void fail(String format, Object... args) {
        failWithMessage("%s", String.format(format, args));
    }

    /**
     * Fails like {@link #fail}, with the actual and expected values attached, so that IDEs offer
     * their comparison view.
     *
     * @throws AssertionError always (collected instead by soft assertions)
     */
    protected final void failComparing(Object actualValue, Object expectedValue, String format, Object... args) {
        failWithActualExpectedAndMessage(actualValue, expectedValue, "%s", String.format(format, args));
    }
}
