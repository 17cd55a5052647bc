package io.github.sagemakerfake.junit;

import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Isolation;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.RetryBackoff;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.UnusedFaultRules;
import java.time.Instant;
import java.util.List;

/**
 * What a {@link SageMakerWorkforceExtensionBuilder} set: the programmatic counterpart of one
 * {@link SageMakerWorkforceTest} annotation, attribute by attribute. {@code null} means "not set
 * here", like the annotation's sentinels, so the configuration parameter or the built-in default
 * applies. Immutable, and the only thing an extension instance holds.
 */
record ProgrammaticSettings(String region, String account, Integer maxWorkteams, Integer maxCidrs,
                            Integer maxTagsPerResource, String lifecycle, Instant frozenClock,
                            Transport transport, Isolation isolation, List<String> seeds,
                            Boolean setSystemProperties, Integer port, RetryBackoff retryBackoff,
                            UnusedFaultRules unusedFaultRules) {

    static final ProgrammaticSettings NONE = new ProgrammaticSettings(null, null, null, null, null, null, null,
            null, null, List.of(), null, null, null, null);

    ProgrammaticSettings {
        seeds = List.copyOf(seeds);
    }

    /** How a message names a builder setting, e.g. {@code SageMakerWorkforceExtension.newInstance().region("x")}. */
    static String describe(String attribute, Object value) {
        String shown = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return "SageMakerWorkforceExtension.newInstance()." + attribute + "(" + shown + ")";
    }
}
