package io.github.sagemakerfake.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsIsoInAnyCaseOrMilliseconds() {
        assertThat(Durations.parse("PT5S")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse(" pt0.25s ")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("1500")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("0")).isZero();
    }

    @Test
    void refusesOtherTextNamingBothForms() {
        assertThatThrownBy(() -> Durations.parse("5 seconds")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'5 seconds'").hasMessageContaining("\"PT5S\"").hasMessageContaining("\"5000\"");
        assertThatThrownBy(() -> Durations.parse("99999999999999999999")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.parseNonNegative("PT-1S")).hasMessageContaining("negative");
        assertThat(Durations.parse("PT-1S")).isNegative();
    }
}
