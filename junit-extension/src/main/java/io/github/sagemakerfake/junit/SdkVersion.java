package io.github.sagemakerfake.junit;

import java.util.Arrays;
import java.util.Optional;

/**
 * The AWS SDK for Java version on the test's classpath, and the check of the one feature that needs
 * a newer SDK than the fake's floor: the endpoint system property.
 */
final class SdkVersion {

    /** The first SDK that reads {@code aws.endpointUrlSageMaker} (service-specific endpoint settings). */
    static final String ENDPOINT_SETTING_SINCE = "2.28.1";

    private static final String VERSION_INFO = "software.amazon.awssdk.core.util.VersionInfo";

    private SdkVersion() {
    }

    /**
     * The running SDK's version, from {@code VersionInfo.SDK_VERSION} of the sdk-core jar on the
     * classpath. Read reflectively: the field is a compile-time constant, which javac would copy
     * into this class as the version the fake was compiled against.
     */
    static Optional<String> running() {
        try {
            Object version = Class.forName(VERSION_INFO).getField("SDK_VERSION").get(null);
            return Optional.ofNullable(version).map(Object::toString);
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * Why {@code setSystemProperties} cannot work with this SDK version, or empty when it can. An SDK
     * older than 2.28.1 ignores the endpoint property, so the code under test would call real AWS.
     */
    static Optional<String> endpointSettingProblem(Optional<String> running) {
        if (running.isEmpty()) {
            return Optional.of("needs the AWS SDK for Java " + ENDPOINT_SETTING_SINCE + " or later, and the SDK's "
                    + "version could not be read (no " + VERSION_INFO + " on the classpath). Add "
                    + "software.amazon.awssdk:sagemaker " + ENDPOINT_SETTING_SINCE + " or later to the test classpath.");
        }
        String version = running.get();
        if (atLeast(version, ENDPOINT_SETTING_SINCE)) {
            return Optional.empty();
        }
        return Optional.of("needs the AWS SDK for Java " + ENDPOINT_SETTING_SINCE + " or later, which reads the "
                + "system property " + SdkSystemProperties.ENDPOINT + ", but the SDK on the test classpath is "
                + version + ": it ignores that property, so clients built by the code under test would call real "
                + "AWS. Upgrade software.amazon.awssdk (the BOM or sagemaker) to " + ENDPOINT_SETTING_SINCE
                + " or later, or drop setSystemProperties and inject a SageMakerClient.");
    }

    /**
     * Whether {@code version} (like 2.29.52 or 2.41.0-SNAPSHOT) is {@code minimum} or later, comparing
     * the leading numbers; a version with no readable number counts as older.
     */
    static boolean atLeast(String version, String minimum) {
        int[] have = numbers(version);
        int[] need = numbers(minimum);
        if (have.length == 0) {
            return false;
        }
        for (int i = 0; i < need.length; i++) {
            int part = i < have.length ? have[i] : 0;
            if (part != need[i]) {
                return part > need[i];
            }
        }
        return true;
    }

    private static int[] numbers(String version) {
        String[] parts = version.trim().split("[.-]");
        int[] numbers = new int[parts.length];
        int count = 0;
        for (String part : parts) {
            if (part.isEmpty() || !part.chars().allMatch(Character::isDigit) || part.length() > 9) {
                break;
            }
            numbers[count++] = Integer.parseInt(part);
        }
        return Arrays.copyOf(numbers, count);
    }
}
