package io.github.sagemakerfake.assertions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.RegionSnapshot;
import org.junit.jupiter.api.Test;

/** A user's own assertion on the shared base fails in the same voice, and a '%' in a value cannot break it. */
class AbstractFakeAssertTest {

    static final class PercentAssert extends AbstractFakeAssert<PercentAssert, String> {
        PercentAssert(String actual) {
            super(actual, PercentAssert.class);
        }

        PercentAssert isShort() {
            isNotNull();
            if (actual.length() > 3) {
                fail("Expecting %s to be short, but it has %d characters", actual, actual.length());
            }
            return myself;
        }
    }

    @Test
    void failsWithTheFormattedMessageEvenWithAPercentInTheValue() {
        assertThatThrownBy(() -> new PercentAssert("100%s done").isShort())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting 100%s done to be short, but it has 10 characters");
    }

    @Test
    void softNavigationReachesEveryAssertionOfTheLibraryThroughTheBase() {
        SageMakerWorkforceSoftAssertions softly = new SageMakerWorkforceSoftAssertions();
        softly.assertThat(RegionSnapshot.empty("123456789012", "us-east-1")).hasWorkteam("missing").hasName("missing");
        assertThatThrownBy(softly::assertAll).hasMessageContaining("Expecting a work team named \"missing\"");
    }
}
