package io.github.sagemakerfake.junit;

import io.github.sagemakerfake.control.FakeLimits;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Isolation;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The settings in force for one extension context, resolved attribute by attribute from three
 * levels, as JUnit's {@code @TempDir} does: the nearest {@link SageMakerWorkforceTest} that sets the
 * attribute (the test class, then its enclosing classes), then the configuration parameter
 * {@code sagemaker.fake.<attribute>}, then the built-in default. Invalid values fail here, naming
 * where they came from.
 */
final class FakeConfiguration {

    static final String REGION_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "region";
    static final String ACCOUNT_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "account";
    static final String MAX_WORKTEAMS_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "maxWorkteams";
    static final String LIFECYCLE_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "lifecycle";
    static final String PROVISIONING_DELAY_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "provisioningDelay";
    static final String TRANSPORT_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "transport";
    static final String ISOLATION_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "isolation";
    static final String SEED_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "seed";

    /** One {@code @SageMakerWorkforceTest} found on the way up, with the class context it was found at. */
    private record Declaration(SageMakerWorkforceTest annotation, Class<?> testClass, Class<?> declaringClass,
                               ExtensionContext context) {
        String describe(String attribute, Object value) {
            String shown = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
            return "@SageMakerWorkforceTest(" + attribute + " = " + shown + ") on " + declaringClass.getName();
        }
    }

    /** A seed document to read, and where it was asked for (for messages). */
    record SeedResource(String path, Class<?> base, String source) {
        String read() {
            try (InputStream in = base.getResourceAsStream(path)) {
                if (in == null) {
                    throw new ExtensionConfigurationException(source + ": no classpath resource '" + path + "'"
                            + (path.startsWith("/") ? "" : " (relative to package " + base.getPackageName() + ")")
                            + ". Put the seed JSON under src/test/resources, and start the path with '/' to "
                            + "resolve it from the classpath root.");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ExtensionConfigurationException(source + ": cannot read seed resource '" + path + "'", e);
            }
        }
    }

    final String region;
    final String account;
    final int maxWorkteams;
    final Lifecycle lifecycle;
    final Transport transport;
    final Isolation isolation;
    final List<SeedResource> classSeeds;
    final boolean setSystemProperties;
    /** The context that owns a {@link Isolation#PER_CLASS} fake: the nearest class context with the annotation. */
    final ExtensionContext classOwner;
    private final String transportSource;

    private FakeConfiguration(ExtensionContext context) {
        List<Declaration> chain = declarations(context);
        this.classOwner = chain.isEmpty() ? classContext(context) : chain.get(0).context();

        Setting<String> regionSetting = pick(chain, context, "region", SageMakerWorkforceTest::region, s -> !s.isEmpty(),
                REGION_KEY, Function.identity(), FakeSettings.DEFAULT_REGION);
        this.region = check(regionSetting, FakeSettings::requireRegion);
        Setting<String> accountSetting = pick(chain, context, "account", SageMakerWorkforceTest::account,
                s -> !s.isEmpty(), ACCOUNT_KEY, Function.identity(), FakeSettings.DEFAULT_ACCOUNT);
        this.account = check(accountSetting, FakeSettings::requireAccount);
        Setting<Integer> maxSetting = pick(chain, context, "maxWorkteams", SageMakerWorkforceTest::maxWorkteams,
                n -> n != 0, MAX_WORKTEAMS_KEY, FakeConfiguration::parseInt, FakeLimits.SERVICE_MAX_WORKTEAMS);
        this.maxWorkteams = check(maxSetting, n -> {
            if (n < 1) {
                throw new IllegalArgumentException("maxWorkteams must be at least 1 (the service allows "
                        + FakeLimits.SERVICE_MAX_WORKTEAMS + "); got " + n);
            }
            return n;
        });
        Setting<String> lifecycleSetting = pick(chain, context, "lifecycle", SageMakerWorkforceTest::lifecycle,
                s -> !s.isEmpty(), LIFECYCLE_KEY, Function.identity(), null);
        @SuppressWarnings("deprecation")
        Setting<String> delaySetting = pick(chain, context, "provisioningDelay",
                SageMakerWorkforceTest::provisioningDelay, s -> !s.isEmpty(), PROVISIONING_DELAY_KEY,
                Function.identity(), null);
        if (lifecycleSetting.value != null && delaySetting.value != null) {
            throw new ExtensionConfigurationException(lifecycleSetting.source + " and " + delaySetting.source
                    + " both set the lifecycle; keep only lifecycle (a provisioning delay D is \"TIMED(D)\").");
        }
        if (lifecycleSetting.value != null) {
            this.lifecycle = check(lifecycleSetting, Lifecycle::parse);
        } else if (delaySetting.value != null) { // the round-1 attribute: zero is IMMEDIATE, D is TIMED(D)
            Duration delay = check(delaySetting, FakeConfiguration::parseDuration);
            this.lifecycle = delay.isZero() ? Lifecycle.immediate() : Lifecycle.timed(delay);
        } else {
            this.lifecycle = Lifecycle.defaultLifecycle();
        }
        Setting<Transport> transportSetting = pick(chain, context, "transport", SageMakerWorkforceTest::transport,
                t -> t != Transport.DEFAULT, TRANSPORT_KEY, v -> parseEnum(Transport.class, v), Transport.IN_PROCESS);
        this.transport = transportSetting.value;
        this.transportSource = transportSetting.source;
        this.isolation = pick(chain, context, "isolation", SageMakerWorkforceTest::isolation,
                i -> i != Isolation.DEFAULT, ISOLATION_KEY, v -> parseEnum(Isolation.class, v), Isolation.PER_TEST).value;

        this.setSystemProperties = chain.stream().anyMatch(d -> d.annotation().setSystemProperties());
        if (setSystemProperties && transport != Transport.HTTP) {
            Declaration d = chain.stream().filter(x -> x.annotation().setSystemProperties()).findFirst().orElseThrow();
            throw new ExtensionConfigurationException(d.describe("setSystemProperties", true)
                    + " needs transport = HTTP, but the transport is " + transport + " (" + transportSource + "). "
                    + "The SDK's endpoint setting can only point at a socket: add transport = Transport.HTTP, or drop "
                    + "setSystemProperties and inject a SageMakerClient.");
        }
        if (setSystemProperties && !declaresSystemPropertiesLock(classOwner.getRequiredTestClass())) {
            Declaration d = chain.stream().filter(x -> x.annotation().setSystemProperties()).findFirst().orElseThrow();
            throw new ExtensionConfigurationException(d.describe("setSystemProperties", true)
                    + " changes JVM-wide system properties, so parallel tests must never overlap with it: add "
                    + "@ResourceLock(Resources.SYSTEM_PROPERTIES) (org.junit.jupiter.api.parallel) to "
                    + classOwner.getRequiredTestClass().getName() + ".");
        }
        if (setSystemProperties) {
            // Fail before anything starts: an SDK that ignores the endpoint property sends to AWS.
            Optional<String> problem = SdkVersion.endpointSettingProblem(SdkVersion.running());
            if (problem.isPresent()) {
                Declaration d = chain.stream().filter(x -> x.annotation().setSystemProperties()).findFirst().orElseThrow();
                throw new ExtensionConfigurationException(d.describe("setSystemProperties", true) + " " + problem.get());
            }
        }

        List<SeedResource> seeds = new ArrayList<>();
        context.getConfigurationParameter(SEED_KEY).ifPresent(value -> Arrays.stream(value.split(","))
                .map(String::trim).filter(s -> !s.isEmpty())
                .forEach(s -> seeds.add(new SeedResource(s.startsWith("/") ? s : "/" + s, classOwner.getRequiredTestClass(),
                        "configuration parameter " + SEED_KEY + "=" + value))));
        for (int i = chain.size() - 1; i >= 0; i--) {
            Declaration d = chain.get(i);
            for (String path : d.annotation().seed()) {
                seeds.add(new SeedResource(path, d.declaringClass(), d.describe("seed", path)));
            }
        }
        this.classSeeds = List.copyOf(seeds);
    }

    static FakeConfiguration resolve(ExtensionContext context) {
        return new FakeConfiguration(context);
    }

    /** The seeds of a test method's {@link SageMakerSeed}, relative to the method's declaring class. */
    static List<SeedResource> methodSeeds(Method method) {
        return AnnotationSupport.findAnnotation(method, SageMakerSeed.class)
                .map(seed -> Arrays.stream(seed.value())
                        .map(path -> new SeedResource(path, method.getDeclaringClass(),
                                "@SageMakerSeed(\"" + path + "\") on " + method.getDeclaringClass().getName() + "."
                                        + method.getName() + "()"))
                        .toList())
                .orElse(List.of());
    }

    FakeSettings settings() {
        return FakeSettings.defaults()
                .withDefaultAccount(account)
                .withDefaultRegion(region)
                .withLimits(FakeLimits.service().withMaxWorkteams(maxWorkteams))
                .withLifecycle(lifecycle);
    }

    String transportSource() {
        return transportSource;
    }

    @Override
    public String toString() {
        return "transport " + transport + ", isolation " + isolation + ", account " + account + ", region " + region
                + ", maxWorkteams " + maxWorkteams + ", lifecycle " + lifecycle;
    }

    // ------------------------------------------------------------------ resolution

    private record Setting<T>(T value, String source) {
    }

    private static <A, T> Setting<T> pick(List<Declaration> chain, ExtensionContext context, String attribute,
                                          Function<SageMakerWorkforceTest, A> read,
                                          java.util.function.Predicate<A> isSet, String key,
                                          Function<String, T> parse, T builtIn) {
        for (Declaration d : chain) {
            A value = read.apply(d.annotation());
            if (isSet.test(value)) {
                @SuppressWarnings("unchecked")
                T typed = (T) value;
                return new Setting<>(typed, d.describe(attribute, value));
            }
        }
        Optional<String> configured = context.getConfigurationParameter(key).map(String::trim).filter(s -> !s.isEmpty());
        if (configured.isPresent()) {
            String source = "configuration parameter " + key + "=" + configured.get();
            try {
                return new Setting<>(parse.apply(configured.get()), source);
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException(source + ": " + e.getMessage()
                        + ". Fix the value in junit-platform.properties (or wherever configuration parameters are set).", e);
            }
        }
        return new Setting<>(builtIn, "built-in default");
    }

    private static <T, R> R check(Setting<T> setting, Function<T, R> validator) {
        try {
            return validator.apply(setting.value);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(setting.source + ": " + e.getMessage() + ".", e);
        }
    }

    /** The annotations on the way up, nearest first: the test class, then each enclosing class. */
    private static List<Declaration> declarations(ExtensionContext context) {
        List<Declaration> chain = new ArrayList<>();
        Class<?> previous = null;
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getTestMethod().isPresent() || c.getTestClass().isEmpty()) {
                continue;
            }
            Class<?> testClass = c.getRequiredTestClass();
            if (testClass == previous) {
                continue; // a class template and its invocation: one class, one declaration
            }
            previous = testClass;
            ExtensionContext owner = c;
            AnnotationSupport.findAnnotation(testClass, SageMakerWorkforceTest.class).ifPresent(annotation ->
                    chain.add(new Declaration(annotation, testClass, declaringClass(testClass, annotation), owner)));
        }
        return chain;
    }

    /** The class the annotation is written on: an inherited annotation is the same instance as the superclass's. */
    private static Class<?> declaringClass(Class<?> testClass, SageMakerWorkforceTest annotation) {
        Class<?> declaring = testClass;
        for (Class<?> c = testClass.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (AnnotationSupport.findAnnotation(c, SageMakerWorkforceTest.class).orElse(null) == annotation) {
                declaring = c;
            }
        }
        return declaring;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    // ------------------------------------------------------------------ parsing

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    }

    /** ISO-8601 ({@code PT5S}) or milliseconds ({@code 5000}). */
    static Duration parseDuration(String text) {
        String t = text.trim();
        Duration duration;
        try {
            duration = t.matches("[0-9]+") ? Duration.ofMillis(Long.parseLong(t)) : Duration.parse(t);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write ISO-8601 such as \"PT5S\" or "
                    + "\"PT0.5S\", or milliseconds such as \"5000\"");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the provisioning delay must not be negative; got '" + text + "'");
        }
        return duration;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name) && !constant.name().equals("DEFAULT")) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).filter(n -> !n.equals("DEFAULT")).collect(Collectors.joining(", ")));
    }

    /** True when the class, a superclass or an enclosing class holds JUnit's system-properties lock for writing. */
    static boolean declaresSystemPropertiesLock(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (ResourceLock lock : AnnotationSupport.findRepeatableAnnotations(k, ResourceLock.class)) {
                    if (Resources.SYSTEM_PROPERTIES.equals(lock.value()) && lock.mode() == ResourceAccessMode.READ_WRITE) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
