package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Fixtures.BAD_TEAM_NAME;
import static io.github.sagemakerfake.assertions.Fixtures.TWO_ERRORS;
import static io.github.sagemakerfake.assertions.Fixtures.cognitoTeam;
import static io.github.sagemakerfake.assertions.Fixtures.lines;
import static io.github.sagemakerfake.assertions.Fixtures.validationError;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatSageMakerCall;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.control.FaultRule;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

class SageMakerErrorAssertTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    @AfterEach
    void close() {
        fake.close();
    }

    @Nested
    class TheServicesErrors {

        @Test
        void the_26th_work_team_is_ResourceLimitExceeded() {
            for (int i = 1; i <= 25; i++) {
                cognitoTeam(sageMaker, "team-" + i, "Team " + i, "g");
            }

            assertThatSageMakerCall(() -> cognitoTeam(sageMaker, "team-26", "Team 26", "g"))
                    .isResourceLimitExceeded()
                    .hasErrorCode("ResourceLimitExceeded")
                    .hasStatusCode(400)
                    .hasErrorMessageContaining("You cannot create more than 25 work teams")
                    .hasMessageContaining("Status Code: 400"); // AssertJ's own Throwable assertions work too
        }

        @Test
        void a_duplicate_name_is_ResourceInUse() {
            cognitoTeam(sageMaker, "labelers", "Labelers", "g");

            assertThatSageMakerCall(() -> cognitoTeam(sageMaker, "labelers", "Again", "g"))
                    .isResourceInUse()
                    .isInstanceOf(ResourceInUseException.class)
                    .hasErrorMessage("A work team with name labelers already exists in account 123456789012 and "
                            + "region us-east-1.");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatSageMakerCall(() -> cognitoTeam(sageMaker, "labelers", "Again", "g"))
                            .isResourceLimitExceeded())
                    .withMessage(lines("Expecting a ResourceLimitExceeded error, but was ResourceInUse (HTTP 400):",
                            "  \"A work team with name labelers already exists in account 123456789012 and region "
                                    + "us-east-1.\""));
        }

        @Test
        void deleting_a_workforce_with_teams_is_ResourceInUse() {
            cognitoTeam(sageMaker, "labelers", "Labelers", "g");

            assertThatSageMakerCall(() -> sageMaker.deleteWorkforce(r -> r.workforceName("default")))
                    .isResourceInUse();
        }

        @Test
        void a_missing_team_is_the_not_found_quirk() {
            assertThatSageMakerCall(() -> sageMaker.describeWorkteam(r -> r.workteamName("gone")))
                    .isNotFoundQuirk()
                    .isValidationError()
                    .hasErrorMessageContaining("The work team");
            assertThatSageMakerCall(() -> sageMaker.deleteWorkteam(r -> r.workteamName("gone"))).isNotFoundQuirk();
            assertThatSageMakerCall(() -> sageMaker.describeWorkforce(r -> r.workforceName("default")))
                    .isNotFoundQuirk()
                    .hasErrorMessageContaining("No workforce");
        }

        @Test
        void isResourceNotFound_on_the_quirk_explains_it() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatSageMakerCall(() -> sageMaker.describeWorkteam(r -> r.workteamName("gone")))
                            .isResourceNotFound())
                    .withMessage(lines("Expecting a ResourceNotFound error, but was ValidationException (HTTP 400):",
                            "  \"The work team gone does not exist in account 123456789012 and region us-east-1.\"",
                            "That is SageMaker's not-found quirk: a missing work team or workforce is a "
                                    + "ValidationException. Use isNotFoundQuirk()."));
        }

        @Test
        void an_unknown_team_arn_in_ListLabelingJobsForWorkteam_is_ResourceNotFound() {
            String arn = "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/gone";

            assertThatSageMakerCall(() -> sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(arn)))
                    .isResourceNotFound();
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatSageMakerCall(
                            () -> sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(arn))).isNotFoundQuirk())
                    .withMessageStartingWith(lines("Expecting SageMaker's not-found answer (ValidationException, HTTP "
                            + "400, message containing \"The work team\" or \"No workforce\"), but was ResourceNotFound "
                            + "(HTTP 400):"));
        }

        @Test
        void updating_a_workforce_that_is_not_active_is_a_conflict() {
            try (SageMakerWorkforceFake slow = SageMakerWorkforceFake.builder()
                    .lifecycle(Lifecycle.timed(Duration.ofMinutes(5))).build()) {
                SageMakerClient client = slow.client();
                Fixtures.startCognitoWorkforce(client);

                assertThatSageMakerCall(() -> client.updateWorkforce(r -> r.workforceName("default")
                        .sourceIpConfig(s -> s.cidrs("10.0.0.0/16"))))
                        .isConflict()
                        .hasErrorMessageContaining("Initializing");
            }
        }

        @Test
        void an_injected_throttle_and_an_unavailable_service() {
            fake.addFault(FaultRule.forOperation("ListWorkteams").throttle());
            fake.addFault(FaultRule.forOperation("ListWorkforces").serviceUnavailable());
            SageMakerClient noRetries = fake.clientBuilder()
                    .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();

            assertThatSageMakerCall(noRetries::listWorkteams).isThrottling().hasErrorMessage("Rate exceeded");
            assertThatSageMakerCall(() -> noRetries.listWorkforces(r -> r.maxResults(10))).hasStatusCode(503).hasErrorCode("ServiceUnavailable");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatSageMakerCall(() -> noRetries.listWorkforces(r -> r.maxResults(10))).hasStatusCode(500))
                    .withMessage(lines("Expecting HTTP status 500, but was ServiceUnavailable (HTTP 503):",
                            "  \"The service is unavailable. Please try again later.\""));
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatSageMakerCall(noRetries::listWorkteams).hasErrorCode("Throttling"))
                    .withMessage(lines("Expecting error code \"Throttling\", but was ThrottlingException (HTTP 400):",
                            "  \"Rate exceeded\""));
            noRetries.close();
        }
    }

    @Nested
    class ValidationErrors {

        @Test
        void isValidationErrorOn_a_member() {
            assertThat(validationError(BAD_TEAM_NAME))
                    .isValidationError()
                    .isValidationErrorOn("workteamName")
                    .hasValidationErrorCount(1)
                    .hasStatusCode(400);
            assertThat(validationError(TWO_ERRORS))
                    .isValidationErrorOn("workteamName")
                    .isValidationErrorOn("memberDefinitions.1.member.cognitoMemberDefinition.userPool")
                    .hasValidationErrorCount(2);
        }

        @Test
        void isValidationErrorOn_another_member_fails_naming_the_members() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(validationError(BAD_TEAM_NAME)).isValidationErrorOn("description"))
                    .withMessage(lines("Expecting a validation error on \"description\", but the validation errors are on:",
                            "  [\"workteamName\"]",
                            "message:",
                            "  \"" + BAD_TEAM_NAME + "\""));
        }

        @Test
        void a_member_named_as_in_the_request_json_gets_a_hint() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(validationError(BAD_TEAM_NAME)).isValidationErrorOn("WorkteamName"))
                    .withMessageContaining("Did you mean: \"workteamName\"?");
        }

        @Test
        void a_validation_error_without_member() {
            catchAndAssert(() -> sageMaker.createWorkforce(r -> r.workforceName("wf")), error -> {
                assertThat(error).isValidationError();
                assertThatExceptionOfType(AssertionError.class)
                        .isThrownBy(() -> assertThat(error).isValidationErrorOn("cognitoConfig"))
                        .withMessage(lines("Expecting a validation error on \"cognitoConfig\", but the "
                                + "ValidationException names no member:",
                                "  \"Specify exactly one of CognitoConfig or OidcConfig to create a workforce; the "
                                        + "request has neither.\""));
                assertThatExceptionOfType(AssertionError.class)
                        .isThrownBy(() -> assertThat(error).hasValidationErrorCount(1))
                        .withMessageStartingWith("Expecting 1 validation error, but was ValidationException (HTTP 400):");
            });
        }

        @Test
        void hasValidationErrorCount_fails_on_another_count() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThat(validationError(TWO_ERRORS)).hasValidationErrorCount(1))
                    .withMessageStartingWith(lines("Expecting 1 validation error, but the message counts 2:",
                            "  \"2 validation errors detected:"));
        }

        @Test
        void isValidationErrorOn_a_business_error() {
            cognitoTeam(sageMaker, "labelers", "Labelers", "g");

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatSageMakerCall(() -> cognitoTeam(sageMaker, "labelers", "L", "g"))
                            .isValidationErrorOn("workteamName"))
                    .withMessageStartingWith(lines(
                            "Expecting a validation error on \"workteamName\", but was ResourceInUse (HTTP 400):"));
        }
    }

    @Nested
    class NotAnError {

        @Test
        void nothing_thrown() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatSageMakerCall(sageMaker::listWorkteams))
                    .withMessage("Expecting a SageMakerException, but nothing was thrown");
        }

        @Test
        void a_client_side_failure_is_not_a_SageMaker_error() {
            fake.addFault(FaultRule.forOperation("ListWorkteams").resetConnection());
            SageMakerClient noRetries = fake.clientBuilder()
                    .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();

            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatSageMakerCall(noRetries::listWorkteams))
                    .withMessageStartingWith(lines("Expecting a SageMakerException, but was:",
                            "  software.amazon.awssdk.core.exception.SdkClientException"))
                    .withMessageEndingWith("(the cause of this AssertionError)")
                    .withCauseInstanceOf(SdkClientException.class);
            noRetries.close();
        }

        @Test
        void with_assertThatThrownBy_satisfies() {
            assertThatThrownBy(() -> sageMaker.describeWorkteam(r -> r.workteamName("gone")))
                    .isInstanceOfSatisfying(SageMakerException.class, e -> assertThat(e).isNotFoundQuirk());
        }
    }

    private static void catchAndAssert(Runnable call, java.util.function.Consumer<SageMakerException> check) {
        try {
            call.run();
        } catch (SageMakerException e) {
            check.accept(e);
            return;
        }
        throw new AssertionError("the call did not fail");
    }
}
