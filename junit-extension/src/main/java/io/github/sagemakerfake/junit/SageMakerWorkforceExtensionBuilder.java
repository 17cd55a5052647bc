package io.github.sagemakerfake.junit;

import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Isolation;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.RetryBackoff;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.UnusedFaultRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings for a {@link SageMakerWorkforceExtension} registered in code; each method is the
 * attribute of {@link SageMakerWorkforceTest} of the same name, and what is not set comes from
 * the configuration parameter {@code sagemaker.fake.<attribute>}, else the built-in default.
 * Values are checked when set, so a wrong one fails at the line that set it. Obtained from
 * {@link SageMakerWorkforceExtension#newInstance()}.
 */
public final class SageMakerWorkforceExtensionBuilder {
    private String region;
    private String account;
    private Integer maxWorkteams;
    private Integer maxCidrs;
    private Integer maxTagsPerResource;
    /** The lifecycle in its text form (see {@link Lifecycle#parse(String)}). */
    private String lifecycle;
    private Instant frozenClock;
    private Transport transport;
    private Isolation isolation;
    private final List<String> seeds = new ArrayList<>();
    private Boolean setSystemProperties;
    private Integer port;
    private RetryBackoff retryBackoff;
    private UnusedFaultRules unusedFaultRules;

    SageMakerWorkforceExtensionBuilder() {
    }

    /** @see SageMakerWorkforceTest#region() */
    public SageMakerWorkforceExtensionBuilder region(String region) {
        this.region = FakeSettings.requireRegion(region);
        return this;
    }

    /** @see SageMakerWorkforceTest#account() */
    public SageMakerWorkforceExtensionBuilder account(String account) {
        this.account = FakeSettings.requireAccount(account);
        return this;
    }

    /** @see SageMakerWorkforceTest#maxWorkteams() */
    public SageMakerWorkforceExtensionBuilder maxWorkteams(int maxWorkteams) {
        this.maxWorkteams = atLeastOne("maxWorkteams", maxWorkteams);
        return this;
    }

    /** @see SageMakerWorkforceTest#maxCidrs() */
    public SageMakerWorkforceExtensionBuilder maxCidrs(int maxCidrs) {
        this.maxCidrs = atLeastOne("maxCidrs", maxCidrs);
        return this;
    }

    /** @see SageMakerWorkforceTest#maxTagsPerResource() */
    public SageMakerWorkforceExtensionBuilder maxTagsPerResource(int maxTagsPerResource) {
        this.maxTagsPerResource = atLeastOne("maxTagsPerResource", maxTagsPerResource);
        return this;
    }

    /** @see SageMakerWorkforceTest#lifecycle() */
    public SageMakerWorkforceExtensionBuilder lifecycle(Lifecycle lifecycle) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle").toString();
        return this;
    }

    /**
     * The round-1 setting: zero is {@link Lifecycle#immediate()}, a delay D is {@link Lifecycle#timed(Duration)}.
     *
     * @deprecated use {@link #lifecycle(Lifecycle)}
     */
    @Deprecated
    public SageMakerWorkforceExtensionBuilder provisioningDelay(Duration delay) {
        if (Objects.requireNonNull(delay, "delay").isNegative()) {
            throw new IllegalArgumentException("the provisioning delay must not be negative; got " + delay);
        }
        return lifecycle(delay.isZero() ? Lifecycle.immediate() : Lifecycle.timed(delay));
    }

    /** @see SageMakerWorkforceTest#frozenClock() */
    public SageMakerWorkforceExtensionBuilder frozenClock(Instant start) {
        this.frozenClock = Objects.requireNonNull(start, "start");
        return this;
    }

    /** @see SageMakerWorkforceTest#transport() */
    public SageMakerWorkforceExtensionBuilder transport(Transport transport) {
        this.transport = notDefault(transport, Transport.DEFAULT, "transport");
        return this;
    }

    /** Shorthand for {@code transport(Transport.HTTP)}. */
    public SageMakerWorkforceExtensionBuilder http() {
        return transport(Transport.HTTP);
    }

    /** @see SageMakerWorkforceTest#port() */
    public SageMakerWorkforceExtensionBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is 0 (any free port) or 1 to 65535; got " + port);
        }
        this.port = port;
        return this;
    }

    /** @see SageMakerWorkforceTest#isolation() */
    public SageMakerWorkforceExtensionBuilder isolation(Isolation isolation) {
        this.isolation = notDefault(isolation, Isolation.DEFAULT, "isolation");
        return this;
    }

    /**
     * Seed documents applied to every new fake, after those of the configuration parameter. A
     * path without a leading {@code /} is relative to the package of the test class.
     *
     * @see SageMakerWorkforceTest#seed()
     */
    public SageMakerWorkforceExtensionBuilder seed(String... resources) {
        for (String resource : resources) {
            seeds.add(Objects.requireNonNull(resource, "resource"));
        }
        return this;
    }

    /** @see SageMakerWorkforceTest#setSystemProperties() */
    public SageMakerWorkforceExtensionBuilder setSystemProperties(boolean set) {
        this.setSystemProperties = set;
        return this;
    }

    /** @see SageMakerWorkforceTest#retryBackoff() */
    public SageMakerWorkforceExtensionBuilder retryBackoff(RetryBackoff backoff) {
        this.retryBackoff = notDefault(backoff, RetryBackoff.DEFAULT, "retryBackoff");
        return this;
    }

    /** @see SageMakerWorkforceTest#unusedFaultRules() */
    public SageMakerWorkforceExtensionBuilder unusedFaultRules(UnusedFaultRules unused) {
        this.unusedFaultRules = notDefault(unused, UnusedFaultRules.DEFAULT, "unusedFaultRules");
        return this;
    }

    /** The extension; its settings are a copy, so the builder may be changed and built again. */
    public SageMakerWorkforceExtension build() {
        return new SageMakerWorkforceExtension(new ProgrammaticSettings(region, account, maxWorkteams, maxCidrs,
                maxTagsPerResource, lifecycle, frozenClock, transport, isolation, seeds,
                setSystemProperties, port, retryBackoff, unusedFaultRules));
    }

    private static int atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1; got " + value);
        }
        return value;
    }

    private static <E extends Enum<E>> E notDefault(E value, E sentinel, String name) {
        if (Objects.requireNonNull(value, name) == sentinel) {
            throw new IllegalArgumentException(name + "(DEFAULT) means \"not set\": leave " + name
                    + " unset instead, or name a value");
        }
        return value;
    }
}
