package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.util.VersionInfo;

/**
 * The SDK floor of the system-properties mode: an SDK older than 2.28.1 ignores the endpoint
 * property, so the extension refuses it with the versions named instead of letting requests go to
 * AWS. (The real oldest supported SDK, 2.29, runs the mode in consumer-tests.)
 */
class SdkVersionTest {

    @Test
    void readsTheVersionOfTheSdkOnTheClasspathNotTheOneCompiledAgainst() {
        // VersionInfo.SDK_VERSION is a constant: this test has the compile-time value inlined, which
        // here is also the runtime SDK's, so the reflective read must agree with it.
        assertThat(SdkVersion.running()).contains(VersionInfo.SDK_VERSION);
    }

    @Test
    void theRunningSdkSupportsTheEndpointSetting() {
        assertThat(SdkVersion.endpointSettingProblem(SdkVersion.running())).isEmpty();
    }

    @Test
    void anSdkOlderThan2281IsRefusedWithBothVersionsAndTheFix() {
        Optional<String> problem = SdkVersion.endpointSettingProblem(Optional.of("2.28.0"));

        assertThat(problem).hasValueSatisfying(message -> assertThat(message)
                .contains("2.28.1 or later")
                .contains("the SDK on the test classpath is 2.28.0")
                .contains("aws.endpointUrlSageMaker")
                .contains("would call real AWS")
                .contains("drop setSystemProperties and inject a SageMakerClient"));
    }

    @Test
    void anUnreadableSdkVersionIsRefusedToo() {
        assertThat(SdkVersion.endpointSettingProblem(Optional.empty()))
                .hasValueSatisfying(message -> assertThat(message).contains("could not be read"));
    }

    @Test
    void comparesVersionsNumberByNumber() {
        assertThat(SdkVersion.atLeast("2.28.1", "2.28.1")).isTrue();
        assertThat(SdkVersion.atLeast("2.28.10", "2.28.1")).isTrue();
        assertThat(SdkVersion.atLeast("2.29.0", "2.28.1")).isTrue();
        assertThat(SdkVersion.atLeast("2.100.0", "2.28.1")).isTrue();
        assertThat(SdkVersion.atLeast("3.0", "2.28.1")).isTrue();
        assertThat(SdkVersion.atLeast("2.41.0-SNAPSHOT", "2.28.1")).isTrue();
        assertThat(SdkVersion.atLeast("2.28.0", "2.28.1")).isFalse();
        assertThat(SdkVersion.atLeast("2.9.30", "2.28.1")).isFalse();
        assertThat(SdkVersion.atLeast("2.28", "2.28.1")).isFalse();
        assertThat(SdkVersion.atLeast("1.12.700", "2.28.1")).isFalse();
        assertThat(SdkVersion.atLeast("unknown", "2.28.1")).isFalse();
    }
}
