package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Texts.list;
import static io.github.sagemakerfake.assertions.Texts.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * Assertions on an error from SageMaker (or from the fake, which answers the same way): its error
 * code, HTTP status and message, in the service's terms.
 *
 * <pre>{@code
 * assertThatSageMakerCall(() -> sageMaker.createWorkteam(request))
 *         .isResourceLimitExceeded()
 *         .hasStatusCode(400);
 * assertThatSageMakerCall(() -> sageMaker.describeWorkteam(r -> r.workteamName("gone")))
 *         .isNotFoundQuirk();
 * }</pre>
 *
 * <p>The error code is the one on the wire ({@code awsErrorDetails().errorCode()}): modeled errors
 * ({@code ResourceInUse}, {@code ResourceLimitExceeded}, {@code ResourceNotFound},
 * {@code ConflictException}) arrive as their own exception classes, the others
 * ({@code ValidationException}, {@code ThrottlingException}, ...) as a plain {@link SageMakerException}.
 * Everything {@link AbstractThrowableAssert} offers ({@code hasMessageContaining}, causes, ...)
 * works too.
 */
public class SageMakerErrorAssert extends AbstractThrowableAssert<SageMakerErrorAssert, Throwable> {

    /** Coral's validation items: {@code Value '...' at 'memberDefinitions.1.member.x' failed to satisfy constraint}. */
    private static final Pattern VALIDATION_PATH = Pattern.compile(" at '([^']+)' failed to satisfy constraint");
    private static final Pattern VALIDATION_COUNT = Pattern.compile("^(\\d+) validation errors? detected");

    public SageMakerErrorAssert(Throwable actual) {
        super(actual, SageMakerErrorAssert.class);
    }

    public static SageMakerErrorAssert assertThat(SageMakerException actual) {
        return new SageMakerErrorAssert(actual);
    }

    /** Runs the call and verifies it threw a {@link SageMakerException}, which the returned assertion is about. */
    public static SageMakerErrorAssert assertThatSageMakerCall(ThrowingCallable call) {
        return new SageMakerErrorAssert(Assertions.catchThrowable(call)).isSageMakerException();
    }

    /**
     * Verifies the actual error is a {@link SageMakerException}: an answer from the service, not a client failure.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public SageMakerErrorAssert isSageMakerException() {
        sageMakerException();
        return myself;
    }

    // ------------------------------------------------------------------ code, status, message

    /**
     * Verifies the wire error code, e.g. {@code ThrottlingException} or {@code ResourceInUse}.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public SageMakerErrorAssert hasErrorCode(String expected) {
        SageMakerException error = sageMakerException();
        if (!Objects.equals(errorCode(error), expected)) {
            failComparing(errorCode(error), expected, "Expecting error code %s, but was %s", quote(expected),
                    describe(error));
        }
        return myself;
    }

    /**
     * Verifies the HTTP status code the service answered.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public SageMakerErrorAssert hasStatusCode(int expected) {
        SageMakerException error = sageMakerException();
        if (error.statusCode() != expected) {
            failComparing(error.statusCode(), expected, "Expecting HTTP status %d, but was %s", expected,
                    describe(error));
        }
        return myself;
    }

    /**
     * Verifies the service's message, without the SDK's "(Service: ..., Request ID: ...)" suffix.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public SageMakerErrorAssert hasErrorMessage(String expected) {
        SageMakerException error = sageMakerException();
        if (!Objects.equals(errorMessage(error), expected)) {
            failComparing(errorMessage(error), expected, "Expecting error message:%n  %s%nbut was:%n  %s",
                    quote(expected), quote(errorMessage(error)));
        }
        return myself;
    }

    /**
     * Verifies that the service's error message contains this text.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public SageMakerErrorAssert hasErrorMessageContaining(String expected) {
        SageMakerException error = sageMakerException();
        String message = errorMessage(error);
        if (message == null || expected == null || !message.contains(expected)) {
            fail("Expecting error message containing:%n  %s%nbut was %s", quote(expected), describe(error));
        }
        return myself;
    }

    // ------------------------------------------------------------------ the service's errors

    /**
     * {@code ResourceLimitExceeded}: e.g. a 26th work team in an account and region.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public SageMakerErrorAssert isResourceLimitExceeded() {
        return isError("ResourceLimitExceeded", "a ResourceLimitExceeded error");
    }

    /**
     * {@code ResourceInUse}: e.g. a duplicate work-team name, or deleting a workforce that has teams.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public SageMakerErrorAssert isResourceInUse() {
        return isError("ResourceInUse", "a ResourceInUse error");
    }

    /**
     * {@code ResourceNotFound}: only {@code ListLabelingJobsForWorkteam} answers it. Describe, update
     * and delete of a missing team or workforce answer a ValidationException: see
     * {@link #isNotFoundQuirk()}.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public SageMakerErrorAssert isResourceNotFound() {
        SageMakerException error = sageMakerException();
        if (!"ResourceNotFound".equals(errorCode(error))) {
            fail("Expecting a ResourceNotFound error, but was %s%s", describe(error), isQuirk(error)
                    ? String.format("%nThat is SageMaker's not-found quirk: a missing work team or workforce is a "
                            + "ValidationException. Use isNotFoundQuirk().") : "");
        }
        return myself;
    }

    /**
     * {@code ConflictException}: e.g. updating a workforce that is not Active.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public SageMakerErrorAssert isConflict() {
        return isError("ConflictException", "a ConflictException");
    }

    /**
     * {@code ThrottlingException}: "Rate exceeded".
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public SageMakerErrorAssert isThrottling() {
        return isError("ThrottlingException", "a ThrottlingException");
    }

    /**
     * {@code ValidationException}, for a constraint of the model or a rule of the service.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public SageMakerErrorAssert isValidationError() {
        return isError("ValidationException", "a ValidationException");
    }

    /**
     * Verifies a ValidationException about this member, named as the service names it: the
     * lowerCamelCase path of the request member, e.g. {@code workteamName} or
     * {@code memberDefinitions.1.member.cognitoMemberDefinition.userPool}.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public SageMakerErrorAssert isValidationErrorOn(String memberPath) {
        SageMakerException error = sageMakerException();
        String expectation = "a validation error on " + quote(memberPath);
        if (!"ValidationException".equals(errorCode(error))) {
            fail("Expecting %s, but was %s", expectation, describe(error));
        }
        List<String> paths = validationPaths(errorMessage(error));
        if (!paths.contains(memberPath)) {
            if (paths.isEmpty()) {
                fail("Expecting %s, but the ValidationException names no member:%n  %s", expectation,
                        quote(errorMessage(error)));
            }
            fail("Expecting %s, but the validation errors are on:%n  %s%s%nmessage:%n  %s", expectation, list(paths),
                    NearMatches.hint(memberPath, paths), quote(errorMessage(error)));
        }
        return myself;
    }

    /**
     * Verifies the "N validation error(s) detected" count of a ValidationException.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public SageMakerErrorAssert hasValidationErrorCount(int expected) {
        SageMakerException error = sageMakerException();
        String message = errorMessage(error);
        Matcher count = VALIDATION_COUNT.matcher(message == null ? "" : message);
        if (!"ValidationException".equals(errorCode(error)) || !count.find()) {
            fail("Expecting %s, but was %s", Texts.plural(expected, "validation error", "validation errors"),
                    describe(error));
        }
        if (Integer.parseInt(count.group(1)) != expected) {
            fail("Expecting %s, but the message counts %s:%n  %s",
                    Texts.plural(expected, "validation error", "validation errors"), count.group(1), quote(message));
        }
        return myself;
    }

    /**
     * Verifies SageMaker's not-found quirk: a missing work team or workforce is answered with
     * {@code ValidationException}, HTTP 400, and a message containing {@code The work team} or
     * {@code No workforce}, not with {@code ResourceNotFound}. Code that checks for a missing team
     * must look for exactly this.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public SageMakerErrorAssert isNotFoundQuirk() {
        SageMakerException error = sageMakerException();
        if (!isQuirk(error)) {
            fail("Expecting SageMaker's not-found answer (ValidationException, HTTP 400, message containing "
                    + "\"The work team\" or \"No workforce\"), but was %s", describe(error));
        }
        return myself;
    }

    // ------------------------------------------------------------------ helpers

    private SageMakerErrorAssert isError(String code, String expectation) {
        SageMakerException error = sageMakerException();
        if (!code.equals(errorCode(error))) {
            fail("Expecting %s, but was %s", expectation, describe(error));
        }
        return myself;
    }

    private SageMakerException sageMakerException() {
        if (actual == null) {
            fail("Expecting a SageMakerException, but nothing was thrown");
        }
        if (!(actual instanceof SageMakerException error)) {
            AssertionError failure = failure("%s", String.format(
                    "Expecting a SageMakerException, but was:%n  %s%n(the cause of this AssertionError)", actual));
            failure.initCause(actual);
            throw failure;
        }
        return error;
    }

    private static boolean isQuirk(SageMakerException error) {
        String message = errorMessage(error);
        return "ValidationException".equals(errorCode(error)) && error.statusCode() == 400 && message != null
                && (message.contains("The work team") || message.contains("No workforce"));
    }

    static List<String> validationPaths(String message) {
        List<String> paths = new ArrayList<>();
        if (message != null) {
            Matcher m = VALIDATION_PATH.matcher(message);
            while (m.find()) {
                if (!paths.contains(m.group(1))) {
                    paths.add(m.group(1));
                }
            }
        }
        return paths;
    }

    private static String errorCode(SageMakerException error) {
        return error.awsErrorDetails() == null ? null : error.awsErrorDetails().errorCode();
    }

    private static String errorMessage(SageMakerException error) {
        return error.awsErrorDetails() == null ? error.getMessage() : error.awsErrorDetails().errorMessage();
    }

    /** {@code ValidationException (HTTP 400): "message"}. */
    private static String describe(SageMakerException error) {
        return String.format("%s (HTTP %d):%n  %s", errorCode(error), error.statusCode(), quote(errorMessage(error)));
    }

    // The one copy left of AbstractFakeAssert's helpers: this assertion extends AssertJ's
    // AbstractThrowableAssert (for its inherited cause and message checks), not our base.
    private void fail(String format, Object... args) {
        failWithMessage("%s", String.format(format, args));
    }

    private void failComparing(Object actualValue, Object expectedValue, String format, Object... args) {
        failWithActualExpectedAndMessage(actualValue, expectedValue, "%s", String.format(format, args));
    }
}
