package io.github.sagemakerfake.junit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points the AWS SDK's global configuration at a fake while it lives, and puts back what was there.
 * System properties are JVM-global: {@link SystemPropertiesLockProvider} makes JUnit run the classes
 * that use this one at a time, so a set/restore pair never interleaves with another.
 */
final class SdkSystemProperties implements AutoCloseable {

    /**
     * The SDK's service-specific endpoint override for SageMaker, read since SDK 2.28.1:
     * {@code "aws.endpointUrl" + serviceName} with serviceName "SageMaker". Case-sensitive; checked
     * against the constant in the SDK's generated {@code DefaultSageMakerBaseClientBuilder}.
     */
    static final String ENDPOINT = "aws.endpointUrlSageMaker";
    static final String REGION = "aws.region";
    static final String ACCESS_KEY_ID = "aws.accessKeyId";
    static final String SECRET_ACCESS_KEY = "aws.secretAccessKey";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private SdkSystemProperties(Map<String, String> values) {
        values.forEach((key, value) -> {
            previous.put(key, System.getProperty(key));
            System.setProperty(key, value);
        });
    }

    static SdkSystemProperties pointAt(SageMakerFakeRuntime runtime) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ENDPOINT, runtime.endpoint().orElseThrow().toString());
        values.put(REGION, runtime.region());
        values.put(ACCESS_KEY_ID, runtime.accessKey());
        values.put(SECRET_ACCESS_KEY, runtime.secretKey());
        return new SdkSystemProperties(values);
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }
}
