package io.github.sagemakerfake.examples.counterexample;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatSageMakerCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.examples.WorkteamLookup;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * The same buggy code, tested twice: with a Mockito mock of SageMakerClient, and against the fake.
 *
 * <p>A mock answers what its author believes SageMaker answers. When the belief is wrong, the code
 * and its test share the mistake, and the test passes. The fake answers what SageMaker answers, so
 * the same scenario shows the bug. Both nested classes pass: the mock tests pass because the bug
 * is invisible to them; the fake tests pass because they assert what production would do.
 */
class MockVersusFakeTest {

    @Nested
    @DisplayName("With a Mockito mock of SageMakerClient, the buggy code passes its tests")
    @ExtendWith(MockitoExtension.class)
    class WithAMock {

        @Mock
        SageMakerClient sageMaker;

        @Test
        void aMissingTeamDoesNotExist() {
            // The author's belief, written into the stub: "a missing team is a ResourceNotFoundException".
            when(sageMaker.describeWorkteam(any(DescribeWorkteamRequest.class)))
                    .thenThrow(ResourceNotFoundException.builder().message("Workteam labelers not found").build());

            assertThat(new NaiveWorkteamLookup(sageMaker).exists("labelers")).isFalse();   // passes
        }

        @Test
        void createsATeamNamedAfterTheProject() {
            String name = new NaiveProjectTeams(sageMaker).createTeamFor("Image Labeling");

            assertThat(name).isEqualTo("image_labeling");                                  // passes
            verify(sageMaker).createWorkteam(argThat((CreateWorkteamRequest request) ->
                    request.workteamName().equals("image_labeling")));
        }
    }

    @Nested
    @DisplayName("Against the fake, the same scenarios show the bugs")
    @SageMakerWorkforceTest
    class WithTheFake {

        @Test
        void aMissingTeamIsAValidationExceptionSoTheLookupThrows(SageMakerClient sageMaker) {
            NaiveWorkteamLookup naive = new NaiveWorkteamLookup(sageMaker);

            // What production would do: exists() does not answer false, it throws.
            assertThatThrownBy(() -> naive.exists("labelers"))
                    .isInstanceOf(SageMakerException.class)
                    .isNotInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("The work team labelers does not exist");
            assertThatSageMakerCall(() -> naive.exists("labelers")).isNotFoundQuirk().hasStatusCode(400);

            // The correct lookup, written against the real answer, says false.
            assertThat(new WorkteamLookup(sageMaker).exists("labelers")).isFalse();
        }

        @Test
        void anUnderscoreInTheNameIsRefused(SageMakerClient sageMaker, FakeControl fake) {
            NaiveProjectTeams teams = new NaiveProjectTeams(sageMaker);

            assertThatSageMakerCall(() -> teams.createTeamFor("Image Labeling"))
                    .isValidationErrorOn("workteamName")
                    .hasErrorMessageContaining("Value 'image_labeling' at 'workteamName'");
            assertThat(fake).hasNoWorkteams();
        }
    }
}
