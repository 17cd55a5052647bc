package io.github.sagemakerfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** Through the real in-process SDK client: huge values get an error the SDK can parse, with its code, every time. */
class OversizedValuesTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void tenMegabyteNamesGetACodedErrorEveryTime() {
        String name = "n".repeat(10 * 1024 * 1024);
        // Before the limits the 18th such request threw OutOfMemoryError into the test thread.
        for (int i = 0; i < 25; i++) {
            assertThatThrownBy(() -> sageMaker.describeWorkteam(r -> r.workteamName(name)))
                    .isInstanceOfSatisfying(SageMakerException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SerializationException");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("at most 2097152 bytes");
                    });
        }
        assertThat(fake.journal()).hasSize(25);
        sageMaker.listWorkteams(r -> { }); // and the fake goes on answering
    }

    @Test
    void aNameJustUnderTheBodyLimitGetsAValidationErrorWithABoundedEcho() {
        String name = "m".repeat(1_000_000);

        assertThatThrownBy(() -> sageMaker.createWorkteam(Requests.cognitoTeam("t").toBuilder().workteamName(name).build()))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).hasSizeLessThan(5_000)
                            .contains("Member must have length less than or equal to 63", "m".repeat(1024) + "...'");
                });
    }
}
