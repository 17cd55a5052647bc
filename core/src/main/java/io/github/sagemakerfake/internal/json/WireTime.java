package io.github.sagemakerfake.internal.json;

import java.math.BigDecimal;
import java.time.Instant;

/** awsJson1_1 timestamps: epoch seconds as JSON numbers with a millisecond fraction. */
public final class WireTime {

    private WireTime() {
    }

    public static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    public static Instant instant(Object epochSeconds) {
        if (epochSeconds == null) {
            return null;
        }
        BigDecimal seconds = epochSeconds instanceof BigDecimal d ? d : new BigDecimal(epochSeconds.toString());
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }
}
