package io.github.sagemakerfake.junit;

import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FakeLimits;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.internal.text.Durations;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Isolation;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.RetryBackoff;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.UnusedFaultRules;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

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
    static final String MAX_CIDRS_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "maxCidrs";
    static final String MAX_TAGS_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "maxTagsPerResource";
    static final String PROVISIONING_DELAY_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "provisioningDelay";
    static final String FROZEN_CLOCK_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "frozenClock";
    static final String TRANSPORT_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "transport";
    static final String PORT_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "port";
    static final String ISOLATION_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "isolation";
    static final String SEED_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "seed";
    static final String SNAPSHOT_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "snapshot";
    static final String ID_SEED_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "idSeed";
    static final String RETRY_BACKOFF_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "retryBackoff";
    static final String UNUSED_FAULT_RULES_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "unusedFaultRules";
    /** Where full state files of failed tests go; default {@code target/sagemaker-fake-reports} (or Gradle's {@code build/}). */
    static final String IAM_POLICY_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "iamPolicy";
    static final String REQUIRED_POLICY_REPORT_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "requiredPolicyReport";
    static final String REPORT_DIRECTORY_KEY = SageMakerWorkforceTest.CONFIGURATION_PREFIX + "reportDirectory";

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

        /** Reads the resource now: a seed is read once, however many fakes it seeds. */
        Seed load() {
            return new Seed(path, source, read());
        }
    }

    /** A seed document, read. */
    record Seed(String path, String source, String json) {
    }

    final String region;
    final String account;
    final int maxWorkteams;
    final Lifecycle lifecycle;
    final int maxCidrs;
    final int maxTagsPerResource;
    /** The instant a frozen clock starts at, or null for the wall clock. */
    final Instant frozenClock;
    final Transport transport;
    final int port;
    final Isolation isolation;
    final RetryBackoff retryBackoff;
    final UnusedFaultRules unusedFaultRules;
    /** The seeds every new fake of this context gets, already read. */
    final List<Seed> classSeeds;
    /** The state document every new fake starts from (before the seeds), already read; null for none. */
    final Seed snapshot;
    /** The id seed, or null for random identifiers. */
    final Long idSeed;
    final boolean setSystemProperties;
    /** The context that owns a {@link Isolation#PER_CLASS} fake: the nearest class context with the annotation. */
    final ExtensionContext classOwner;
    /** Where full state files of failed tests go. */
    final Path reportDirectory;
    private final String transportSource;
    /** The IAM policy every new fake enforces, read and checked once; null for none. */
    final Seed iamPolicy;
    /** Whether the class's required IAM policy is written to the report directory. */
    final boolean requiredPolicyReport;

    private FakeConfiguration(ExtensionContext context, ProgrammaticSettings programmatic) {
        List<Declaration> chain = declarations(context);
        boolean registeredInCode = programmatic != ProgrammaticSettings.NONE;
        // JUnit drops a registered instance of an extension type that the annotation registered
        // already, so whichever instance runs checks for the other: a builder's settings must never be ignored.
        if (!chain.isEmpty() && (registeredInCode || chain.stream().anyMatch(d -> registersExtensionField(d.testClass())))) {
            throw new ExtensionConfigurationException("The SageMaker fake extension is registered twice on "
                    + chain.get(0).testClass().getName() + ": by a @RegisterExtension field built with "
                    + "SageMakerWorkforceExtension.newInstance(), and by @SageMakerWorkforceTest on "
                    + chain.get(0).declaringClass().getName() + ". Keep one: the builder has a method for every "
                    + "attribute of the annotation.");
        }
        this.classOwner = chain.isEmpty() ? registeringClassContext(context) : chain.get(0).context();
        Sources sources = new Sources(chain, context, programmatic);

        this.region = check(sources.pick("region", programmatic.region(), SageMakerWorkforceTest::region,
                s -> !s.isEmpty(), REGION_KEY, Function.identity(), FakeSettings.DEFAULT_REGION),
                FakeSettings::requireRegion);
        this.account = check(sources.pick("account", programmatic.account(), SageMakerWorkforceTest::account,
                s -> !s.isEmpty(), ACCOUNT_KEY, Function.identity(), FakeSettings.DEFAULT_ACCOUNT),
                FakeSettings::requireAccount);
        this.maxWorkteams = check(sources.pick("maxWorkteams", programmatic.maxWorkteams(),
                SageMakerWorkforceTest::maxWorkteams, n -> n != 0, MAX_WORKTEAMS_KEY, FakeConfiguration::parseInt,
                FakeLimits.SERVICE_MAX_WORKTEAMS), n -> atLeastOne("maxWorkteams", n, FakeLimits.SERVICE_MAX_WORKTEAMS));
        this.maxCidrs = check(sources.pick("maxCidrs", programmatic.maxCidrs(), SageMakerWorkforceTest::maxCidrs,
                n -> n != 0, MAX_CIDRS_KEY, FakeConfiguration::parseInt, FakeLimits.SERVICE_MAX_CIDRS),
                n -> atLeastOne("maxCidrs", n, FakeLimits.SERVICE_MAX_CIDRS));
        this.maxTagsPerResource = check(sources.pick("maxTagsPerResource", programmatic.maxTagsPerResource(),
                SageMakerWorkforceTest::maxTagsPerResource, n -> n != 0, MAX_TAGS_KEY, FakeConfiguration::parseInt,
                FakeLimits.SERVICE_MAX_TAGS), n -> atLeastOne("maxTagsPerResource", n, FakeLimits.SERVICE_MAX_TAGS));
        this.frozenClock = check(sources.pick("frozenClock",
                programmatic.frozenClock() == null ? null : programmatic.frozenClock().toString(),
                SageMakerWorkforceTest::frozenClock, s -> !s.isEmpty(), FROZEN_CLOCK_KEY, Function.identity(), ""),
                FakeConfiguration::parseInstant);
        Setting<String> lifecycleSetting = sources.pick("lifecycle", programmatic.lifecycle(),
                SageMakerWorkforceTest::lifecycle, s -> !s.isEmpty(), LIFECYCLE_KEY, Function.identity(), null);
        @SuppressWarnings("deprecation")
        Setting<String> delaySetting = sources.pick("provisioningDelay", null,
                SageMakerWorkforceTest::provisioningDelay, s -> !s.isEmpty(), PROVISIONING_DELAY_KEY,
                Function.identity(), null);
        if (lifecycleSetting.value != null && delaySetting.value != null) {
            throw new ExtensionConfigurationException(lifecycleSetting.source + " and " + delaySetting.source
                    + " both set the lifecycle; keep only lifecycle (a provisioning delay D is \"TIMED(D)\").");
        }
        if (lifecycleSetting.value != null) {
            this.lifecycle = check(lifecycleSetting, Lifecycle::parse);
        } else if (delaySetting.value != null) { // the first releases' attribute: zero is IMMEDIATE, D is TIMED(D)
            Duration delay = check(delaySetting, FakeConfiguration::parseDuration);
            this.lifecycle = delay.isZero() ? Lifecycle.immediate() : Lifecycle.timed(delay);
        } else {
            this.lifecycle = Lifecycle.defaultLifecycle();
        }
        Setting<Transport> transportSetting = sources.pick("transport", programmatic.transport(),
                SageMakerWorkforceTest::transport, t -> t != Transport.DEFAULT, TRANSPORT_KEY,
                v -> parseEnum(Transport.class, v), Transport.IN_PROCESS);
        this.transport = transportSetting.value;
        this.transportSource = transportSetting.source;
        Setting<Integer> portSetting = sources.pick("port", programmatic.port(), SageMakerWorkforceTest::port,
                n -> n != -1, PORT_KEY, FakeConfiguration::parseInt, 0);
        this.port = check(portSetting, FakeConfiguration::checkPort);
        if (port != 0 && transport != Transport.HTTP) {
            throw new ExtensionConfigurationException(portSetting.source + " needs transport = HTTP, but the "
                    + "transport is " + transport + " (" + transportSource + "), which opens no socket. Add "
                    + "transport = Transport.HTTP, or drop the port.");
        }
        this.isolation = sources.pick("isolation", programmatic.isolation(), SageMakerWorkforceTest::isolation,
                i -> i != Isolation.DEFAULT, ISOLATION_KEY, v -> parseEnum(Isolation.class, v), Isolation.PER_TEST).value;
        this.retryBackoff = sources.pick("retryBackoff", programmatic.retryBackoff(),
                SageMakerWorkforceTest::retryBackoff, b -> b != RetryBackoff.DEFAULT, RETRY_BACKOFF_KEY,
                v -> parseEnum(RetryBackoff.class, v), RetryBackoff.IMMEDIATE).value;
        this.unusedFaultRules = sources.pick("unusedFaultRules", programmatic.unusedFaultRules(),
                SageMakerWorkforceTest::unusedFaultRules, u -> u != UnusedFaultRules.DEFAULT, UNUSED_FAULT_RULES_KEY,
                v -> parseEnum(UnusedFaultRules.class, v), UnusedFaultRules.FAIL).value;
        this.reportDirectory = context.getConfigurationParameter(REPORT_DIRECTORY_KEY).map(String::trim)
                .filter(s -> !s.isEmpty()).map(Path::of).orElseGet(FakeConfiguration::buildDirectoryReports);

        String systemPropertiesSource = registeredInCode
                ? (Boolean.TRUE.equals(programmatic.setSystemProperties())
                        ? ProgrammaticSettings.describe("setSystemProperties", true) : null)
                : chain.stream().filter(x -> x.annotation().setSystemProperties()).findFirst()
                        .map(d -> d.describe("setSystemProperties", true)).orElse(null);
        this.setSystemProperties = systemPropertiesSource != null;
        if (setSystemProperties && transport != Transport.HTTP) {
            throw new ExtensionConfigurationException(systemPropertiesSource
                    + " needs transport = HTTP, but the transport is " + transport + " (" + transportSource + "). "
                    + "The SDK's endpoint setting can only point at a socket: add transport = Transport.HTTP, or drop "
                    + "setSystemProperties and inject a SageMakerClient.");
        }
        if (setSystemProperties && !declaresSystemPropertiesLock(classOwner.getRequiredTestClass())) {
            throw new ExtensionConfigurationException(systemPropertiesSource
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
        for (String path : programmatic.seeds()) {
            seeds.add(new SeedResource(path, classOwner.getRequiredTestClass(), ProgrammaticSettings.describe("seed", path)));
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            Declaration d = chain.get(i);
            for (String path : d.annotation().seed()) {
                seeds.add(new SeedResource(path, d.declaringClass(), d.describe("seed", path)));
            }
        }
        this.classSeeds = seeds.stream().map(SeedResource::load).toList(); // a missing seed fails the class, once

        SeedResource policy = chain.stream().filter(d -> !d.annotation().iamPolicy().isEmpty()).findFirst()
                .map(d -> new SeedResource(d.annotation().iamPolicy(), d.declaringClass(),
                        d.describe("iamPolicy", d.annotation().iamPolicy())))
                .orElseGet(() -> context.getConfigurationParameter(IAM_POLICY_KEY).map(String::trim)
                        .filter(v -> !v.isEmpty())
                        .map(v -> new SeedResource(v.startsWith("/") ? v : "/" + v, classOwner.getRequiredTestClass(),
                                "configuration parameter " + IAM_POLICY_KEY + "=" + v))
                        .orElse(null));
        this.iamPolicy = policy == null ? null : policy.load();
        if (iamPolicy != null) {
            try { // refused once for the class, with the place and the reason
                io.github.sagemakerfake.internal.iam.Policy.parse(iamPolicy.json(), iamPolicy.path());
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException(iamPolicy.source() + ": " + e.getMessage(), e);
            }
        }
        this.requiredPolicyReport = chain.stream().anyMatch(d -> d.annotation().requiredPolicyReport())
                || context.getConfigurationParameter(REQUIRED_POLICY_REPORT_KEY, Boolean::parseBoolean).orElse(false);
        this.idSeed = sources.pick("idSeed", programmatic.idSeed(), SageMakerWorkforceTest::idSeed,
                n -> n != SageMakerWorkforceTest.RANDOM_IDS, ID_SEED_KEY, FakeConfiguration::parseLong, (Long) null).value;
        SeedResource snapshotResource = null;
        if (programmatic.snapshot() != null) {
            snapshotResource = new SeedResource(programmatic.snapshot(), classOwner.getRequiredTestClass(),
                    ProgrammaticSettings.describe("snapshot", programmatic.snapshot()));
        } else {
            Optional<Declaration> declared = chain.stream().filter(d -> !d.annotation().snapshot().isEmpty()).findFirst();
            if (declared.isPresent()) {
                Declaration d = declared.get();
                snapshotResource = new SeedResource(d.annotation().snapshot(), d.declaringClass(),
                        d.describe("snapshot", d.annotation().snapshot()));
            } else {
                Optional<String> configured = context.getConfigurationParameter(SNAPSHOT_KEY).map(String::trim)
                        .filter(v -> !v.isEmpty());
                if (configured.isPresent()) {
                    String path = configured.get().startsWith("/") ? configured.get() : "/" + configured.get();
                    snapshotResource = new SeedResource(path, classOwner.getRequiredTestClass(),
                            "configuration parameter " + SNAPSHOT_KEY + "=" + configured.get());
                }
            }
        }
        this.snapshot = snapshotResource == null ? null : snapshotResource.load();
    }

    private static Long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, got '" + value + "'");
        }
    }

    /**
     * The configuration of a context, resolved once per class context and kept in its store (as
     * JUnit's {@code TempDirectory} keeps its own): a test method uses its class's. Two threads
     * may resolve the same one at once (tests of a class registering the extension per instance);
     * both compute the same immutable value, so whichever is kept is right.
     */
    static FakeConfiguration resolve(ExtensionContext context, ProgrammaticSettings programmatic) {
        ExtensionContext classContext = classContext(context);
        Store store = classContext.getStore(Namespace.create(FakeConfiguration.class, classContext.getUniqueId()));
        FakeConfiguration cached = store.get(programmatic, FakeConfiguration.class);
        if (cached == null) {
            cached = new FakeConfiguration(classContext, programmatic);
            store.put(programmatic, cached);
        }
        return cached;
    }

    /** The seeds of a test method's {@link SageMakerSeed}, relative to the method's declaring class. */
    static List<SeedResource> methodSeeds(Method method) {
        return METHOD_SEEDS.get(method.getDeclaringClass()).computeIfAbsent(method, FakeConfiguration::findMethodSeeds);
    }

    /**
     * The method seeds of each test method, found once: a parameterized or repeated method asks per
     * invocation (docs/benchmarks.md, "The cost of a test in process").
     */
    private static final ClassValue<Map<Method, List<SeedResource>>> METHOD_SEEDS = new ClassValue<>() {
        @Override
        protected Map<Method, List<SeedResource>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private static List<SeedResource> findMethodSeeds(Method method) {
        return AnnotationSupport.findAnnotation(method, SageMakerSeed.class)
                .map(seed -> Arrays.stream(seed.value())
                        .map(path -> new SeedResource(path, method.getDeclaringClass(),
                                "@SageMakerSeed(\"" + path + "\") on " + method.getDeclaringClass().getName() + "."
                                        + method.getName() + "()"))
                        .toList())
                .orElse(List.of());
    }

    /** Settings for one new fake: each gets its own clock, which is mutable. */
    FakeSettings settings() {
        return FakeSettings.defaults()
                .withDefaultAccount(account)
                .withDefaultRegion(region)
                .withLimits(new FakeLimits(maxWorkteams, maxCidrs, maxTagsPerResource))
                .withLifecycle(lifecycle)
                .withClock(frozenClock == null ? FakeClock.system() : FakeClock.startingAt(frozenClock))
                .withIdSeed(idSeed);
    }

    String transportSource() {
        return transportSource;
    }

    @Override
    public String toString() {
        return "transport " + transport + (port != 0 ? " on port " + port : "") + ", isolation " + isolation
                + ", account " + account + ", region " + region + ", maxWorkteams " + maxWorkteams
                + ", lifecycle " + lifecycle + (frozenClock == null ? "" : ", clock frozen at " + frozenClock);
    }

    // ------------------------------------------------------------------ resolution

    private record Setting<T>(T value, String source) {
    }

    /** The three levels, in order: the builder or the nearest annotation, the configuration parameter, the built-in default. */
    private record Sources(List<Declaration> chain, ExtensionContext context, ProgrammaticSettings programmatic) {

        <A, T> Setting<T> pick(String attribute, A fromBuilder, Function<SageMakerWorkforceTest, A> read,
                               Predicate<A> isSet, String key, Function<String, T> parse, T builtIn) {
            if (fromBuilder != null) {
                @SuppressWarnings("unchecked")
                T typed = (T) fromBuilder;
                return new Setting<>(typed, ProgrammaticSettings.describe(attribute, fromBuilder));
            }
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
    }

    private static <T, R> R check(Setting<T> setting, Function<T, R> validator) {
        try {
            return validator.apply(setting.value);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(setting.source + ": " + e.getMessage() + ".", e);
        }
    }

    private static int atLeastOne(String attribute, int n, int service) {
        if (n < 1) {
            throw new IllegalArgumentException(attribute + " must be at least 1 (the service allows " + service
                    + "); got " + n);
        }
        return n;
    }

    private static int checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is 0 (any free port) or 1 to 65535; got " + port);
        }
        return port;
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

    /** The nearest context that is a class's (a test method's context gives its class's). */
    static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /**
     * Without the annotation, the outermost class context that registers the extension itself
     * ({@code @RegisterExtension} field or {@code @ExtendWith}): {@code @Nested} classes inherit an
     * enclosing class's extension, so a per-class fake belongs to that enclosing class.
     */
    private static ExtensionContext registeringClassContext(ExtensionContext context) {
        ExtensionContext nearest = classContext(context);
        ExtensionContext owner = nearest;
        for (ExtensionContext c = nearest; c != null; c = c.getParent().orElse(null)) {
            if (c.getTestClass().isPresent() && c.getTestMethod().isEmpty() && registersExtension(c.getRequiredTestClass())) {
                owner = c;
            }
        }
        return owner;
    }

    private static boolean registersExtensionField(Class<?> testClass) {
        return !AnnotationSupport.findAnnotatedFields(testClass, RegisterExtension.class,
                f -> SageMakerWorkforceExtension.class.isAssignableFrom(f.getType()), HierarchyTraversalMode.TOP_DOWN).isEmpty();
    }

    private static boolean registersExtension(Class<?> testClass) {
        return registersExtensionField(testClass) || AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class).stream()
                .anyMatch(e -> Arrays.asList(e.value()).contains(SageMakerWorkforceExtension.class));
    }

    /** Maven's {@code target/}, or Gradle's {@code build/} when only that exists. */
    private static Path buildDirectoryReports() {
        Path build = Files.isDirectory(Path.of("target")) || !Files.isDirectory(Path.of("build"))
                ? Path.of("target") : Path.of("build");
        return build.resolve("sagemaker-fake-reports");
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
        return Durations.parseNonNegative(text);
    }

    /** An ISO-8601 instant, or null for the empty text (the wall clock). */
    static Instant parseInstant(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an instant: write ISO-8601 in UTC, such as "
                    + "\"2024-01-01T00:00:00Z\"");
        }
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
