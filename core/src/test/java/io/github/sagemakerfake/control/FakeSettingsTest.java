package io.github.sagemakerfake.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The default account and region a fake accepts: the forms AWS gives them, and messages that say so. */
class FakeSettingsTest {

    /** The forms the checks implement by hand, as the docs state them. */
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

    @Test
    void everyRegionOfThePartitionsAndNothingElse() {
        for (String region : List.of("us-east-1", "eu-west-2", "ap-southeast-3", "us-gov-west-1", "cn-northwest-1",
                "us-isob-east-1", "il-central-1", "mx-central-1")) {
            assertThat(FakeSettings.requireRegion(region)).isEqualTo(region);
        }
        for (String bad : List.of("", "us", "us-", "us-east", "us-east-", "us-1", "US-EAST-1", "us-east-1a",
                "us--east-1", "us-east--1", "-us-east-1", "us-east-1-", "u-east-1", "useast-1", "us-east1", "us east 1")) {
            assertThatThrownBy(() -> FakeSettings.requireRegion(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A region name looks like us-east-1 or eu-west-2; got '" + bad + "'");
        }
    }

    @Test
    void anAccountIsTwelveDigits() {
        assertThat(FakeSettings.requireAccount("000000000000")).isEqualTo("000000000000");
        for (String bad : List.of("", "12345678901", "1234567890123", "12345678901a", "١٢٣٤٥٦٧٨٩٠١٢")) {
            assertThatThrownBy(() -> FakeSettings.requireAccount(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("An AWS account id is 12 digits");
        }
    }

    /** The hand-written checks accept exactly what the regular expressions of their Javadoc accept. */
    @Test
    void theChecksAgreeWithTheirRegularExpressionsOnRandomText() {
        Random random = new Random(20261208);
        char[] alphabet = "ab-19Z ".toCharArray();
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(14);
            for (int j = 0; j < length; j++) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = s.toString();
            assertThat(accepted(() -> FakeSettings.requireRegion(text))).as(text)
                    .isEqualTo(REGION.matcher(text).matches());
            assertThat(accepted(() -> FakeSettings.requireAccount(text))).as(text)
                    .isEqualTo(ACCOUNT.matcher(text).matches());
        }
        for (int i = 0; i < 20_000; i++) {
            String digits = Long.toString(Math.floorMod(random.nextLong(), 10_000_000_000_000L));
            assertThat(accepted(() -> FakeSettings.requireAccount(digits))).as(digits)
                    .isEqualTo(ACCOUNT.matcher(digits).matches());
        }
    }

    private static boolean accepted(Runnable check) {
        try {
            check.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
