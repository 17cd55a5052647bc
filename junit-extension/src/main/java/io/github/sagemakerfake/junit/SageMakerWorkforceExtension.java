package io.github.sagemakerfake.junit;

import io.github.sagemakerfake.junit.FakeConfiguration.Seed;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Isolation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.opentest4j.TestAbortedException;

/**
 * The extension behind {@link SageMakerWorkforceTest}, usable on its own: with
 * {@code @ExtendWith(SageMakerWorkforceExtension.class)} (settings from the configuration
 * parameters and built-in defaults), or built in code and registered with {@code @RegisterExtension},
 * the way WireMock's {@code WireMockExtension.newInstance()} is:
 *
 * <pre>{@code
 * class ProvisionerTest {
 *     @RegisterExtension
 *     static SageMakerWorkforceExtension sageMaker = SageMakerWorkforceExtension.newInstance()
 *             .maxWorkteams(3)
 *             .frozenClock(Instant.parse("2024-01-01T00:00:00Z"))
 *             .build();
 *
 *     @Test
 *     void stopsAtTheLimit(SageMakerClient client, FakeControl fake) { ... }
 * }
 * }</pre>
 *
 * <p>The builder has a method for every attribute of {@link SageMakerWorkforceTest}, with the same
 * meaning and the same three levels (what the builder sets, then the configuration parameter
 * {@code sagemaker.fake.<attribute>}, then the built-in default). A {@code static} field registers it
 * for the class, so {@code isolation(PER_CLASS)}, static fields and {@code @BeforeAll} parameters
 * work; an instance field registers it per test instance, which suits the default
 * {@code PER_TEST} isolation. Use either the annotation or a registered instance, not both.
 *
 * <p>Stateless, like JUnit's {@code TempDirectory}: an instance holds only its immutable settings,
 * and each fake is a {@link FakeScope} in the {@link Store} of the context that owns it (the test
 * method with {@code PER_TEST}, the class with {@code PER_CLASS}), so JUnit closes it when that
 * context ends, and {@code @Nested} classes, base classes and parallel tests never see each
 * other's fakes. Fakes are created at fixed points that JUnit runs on one thread per context: the
 * owning class's {@code beforeAll}, the test's {@code beforeEach}, or earlier when a constructor
 * asks for one; the store's {@code getOrComputeIfAbsent} creates each at most once.
 */
public final class SageMakerWorkforceExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback, ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** What the builder set; {@link ProgrammaticSettings#NONE} for the annotation and {@code @ExtendWith}. */
    private final ProgrammaticSettings programmatic;

    /**
     * The extension with no settings of its own: what {@code @SageMakerWorkforceTest} and
     * {@code @ExtendWith(SageMakerWorkforceExtension.class)} instantiate. Settings come from the
     * annotation, the configuration parameters and the built-in defaults.
     */
    public SageMakerWorkforceExtension() {
        this(ProgrammaticSettings.NONE);
    }

    SageMakerWorkforceExtension(ProgrammaticSettings programmatic) {
        this.programmatic = programmatic;
    }

    /** A builder for an extension to register with {@code @RegisterExtension}; nothing is set until you set it. */
    public static SageMakerWorkforceExtensionBuilder newInstance() {
        return new SageMakerWorkforceExtensionBuilder();
    }

    /** Constructors get the test method's context, so a per-test fake can be injected into them. */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void beforeAll(ExtensionContext context) {
        FakeConfiguration config = configuration(context); // reads the seeds: a missing one fails the class
        if (config.isolation == Isolation.PER_CLASS && config.classOwner.getUniqueId().equals(context.getUniqueId())) {
            scopeOf(config.classOwner, config, () -> config.classSeeds);
        }
        List<Field> fields = annotatedFields(context.getRequiredTestClass(), ModifierSupport::isStatic);
        for (Field field : fields) {
            inject(field, null, context, config);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        FakeConfiguration config = configuration(context);
        // per-test fakes exist from here on
        FakeScope scope = scopeFor(context, config, "the fake of " + describe(context));
        if (config.snapshot != null && config.isolation == Isolation.PER_CLASS) {
            scope.restoreBaseline(); // each test starts from the snapshot (and the class's seeds)
        }
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : INSTANCE_FIELDS.get(instance.getClass())) {
                inject(field, instance, context, config);
            }
        }
    }

    /** A test's own fake: its fault rules must all have fired, like Mockito's strict stubs. */
    @Override
    public void afterEach(ExtensionContext context) {
        collectRequiredPolicy(context);
        checkFaultRulesFired(context);
    }

    /** A class's shared fake: checked once all its tests ran, since one test may arm a rule for another. */
    @Override
    public void afterAll(ExtensionContext context) {
        collectRequiredPolicy(context);
        checkFaultRulesFired(context);
    }

    /** Adds the calls of the fake this context owns to its class's required-policy report, if asked for. */
    private void collectRequiredPolicy(ExtensionContext context) {
        FakeScope scope = store(context).get(FakeScope.class, FakeScope.class);
        if (scope == null || scope.isClosed() || !scope.configuration().requiredPolicyReport) {
            return;
        }
        ExtensionContext classContext = FakeConfiguration.classContext(context);
        RequiredPolicyReport report = store(classContext).getOrComputeIfAbsent(RequiredPolicyReport.class,
                k -> new RequiredPolicyReport(scope.configuration().reportDirectory,
                        classContext.getRequiredTestClass().getName()), RequiredPolicyReport.class);
        report.add(scope.control().journal());
    }

    private void checkFaultRulesFired(ExtensionContext context) {
        FakeScope scope = store(context).get(FakeScope.class, FakeScope.class);
        if (scope == null || scope.isClosed()
                || scope.configuration().unusedFaultRules != SageMakerWorkforceTest.UnusedFaultRules.FAIL) {
            return;
        }
        UnusedFaultRulesError unused = UnusedFaultRulesError.check(scope);
        if (unused == null) {
            return;
        }
        Optional<Throwable> failure = context.getExecutionException();
        if (failure.isPresent()) {
            failure.get().addSuppressed(unused); // after the test's own failure, never instead of it
            return;
        }
        throw unused;
    }

    // ------------------------------------------------------------------ parameters

    /**
     * Our types, plus two that are not injected but are easy to ask for, so that they get a message
     * saying what to do instead of JUnit's bare "No ParameterResolver registered".
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        return Injectable.claims(parameter, parameter.getType())
                || (Injectable.isMistakenFor(parameter.getType()) && mayClaimMistakes(parameterContext));
    }

    /**
     * Only where no other resolver of JUnit's own would serve the type: a parameterized test or
     * class takes its arguments (a URI from a {@code @CsvSource}, say) from its sources, and
     * claiming them would make JUnit report competing resolvers.
     */
    private static boolean mayClaimMistakes(ParameterContext parameterContext) {
        return parameterContext.getDeclaringExecutable() instanceof Method method
                && !AnnotationSupport.isAnnotated(method, TestTemplate.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        String target = (parameter.isNamePresent()
                ? "parameter '" + parameter.getType().getSimpleName() + " " + parameter.getName() + "'"
                : "parameter #" + (parameterContext.getIndex() + 1) + " (" + parameter.getType().getSimpleName() + ")")
                + " of " + parameterContext.getDeclaringExecutable().getDeclaringClass().getSimpleName() + "."
                + executableName(parameterContext);
        Injectable.rejectMistakes(parameter, parameter.getType(), target);
        Injectable injectable = Injectable.of(parameter, parameter.getType(), target);
        FakeConfiguration config = configuration(extensionContext);
        return injectable.valueFrom(scopeFor(extensionContext, config, target), target);
    }

    private static String executableName(ParameterContext parameterContext) {
        return parameterContext.getDeclaringExecutable() instanceof Method m ? m.getName() + "()" : "<init>()";
    }

    // ------------------------------------------------------------------ failures

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw withReport(context, throwable);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw withReport(context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw withReport(context, throwable);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw withReport(context, throwable);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw withReport(context, throwable);
    }

    /**
     * Adds the fake's state to a failure as a suppressed exception and publishes it as a report
     * entry. The failure itself is returned unchanged; nothing here may hide it.
     */
    private Throwable withReport(ExtensionContext context, Throwable failure) {
        if (failure instanceof TestAbortedException || alreadyReported(failure)) {
            return failure;
        }
        try {
            Optional<FakeScope> scope = existingScope(context);
            if (scope.isPresent() && !scope.get().isClosed()) {
                FailureReport report = FailureReport.of(scope.get(), context);
                failure.addSuppressed(new FailureReport.FakeStateAtFailure(report.render()));
                context.publishReportEntry(report.reportEntry());
            }
        } catch (RuntimeException reportFailed) {
            failure.addSuppressed(reportFailed);
        }
        return failure;
    }

    private static boolean alreadyReported(Throwable failure) {
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof FailureReport.FakeStateAtFailure) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ scopes

    /** The fake a context works with, created if this is its first use. */
    private static FakeScope scopeFor(ExtensionContext context, FakeConfiguration config, String target) {
        boolean methodLevel = context.getTestMethod().isPresent();
        if (config.isolation == Isolation.PER_TEST) {
            if (!methodLevel) {
                throw new ExtensionConfigurationException(target + " is injected once for the whole class "
                        + "(a static field, a @BeforeAll/@AfterAll method, or a constructor with "
                        + "@TestInstance(PER_CLASS)), but isolation is PER_TEST, which gives every test its own fake. "
                        + "Set @SageMakerWorkforceTest(isolation = Isolation.PER_CLASS) to share one fake across the "
                        + "class, or move the injection to an instance field, a @BeforeEach method or the test method.");
            }
            return scopeOf(context, config, () -> {
                List<Seed> seeds = new ArrayList<>(config.classSeeds);
                FakeConfiguration.methodSeeds(context.getRequiredTestMethod()).forEach(s -> seeds.add(s.load()));
                return seeds;
            });
        }
        if (methodLevel && !FakeConfiguration.methodSeeds(context.getRequiredTestMethod()).isEmpty()) {
            Method method = context.getRequiredTestMethod();
            throw new ExtensionConfigurationException("@SageMakerSeed on " + method.getDeclaringClass().getName() + "."
                    + method.getName() + "() needs isolation = PER_TEST, but the isolation is PER_CLASS: the fake is "
                    + "shared by the class, so this test's seed would leak into the other tests. Move the seed to "
                    + "@SageMakerWorkforceTest(seed = ...), or use isolation = PER_TEST.");
        }
        return scopeOf(config.classOwner, config, () -> config.classSeeds);
    }

    /** The fake owned by this context, without creating one: for reporting failures. */
    private Optional<FakeScope> existingScope(ExtensionContext context) {
        FakeConfiguration config;
        try {
            config = configuration(context);
        } catch (ExtensionConfigurationException misconfigured) {
            return Optional.empty(); // the class failed on it already; there is no fake to show
        }
        ExtensionContext owner = config.isolation == Isolation.PER_TEST ? context : config.classOwner;
        return Optional.ofNullable(store(owner).get(FakeScope.class, FakeScope.class));
    }

    /** The fake of {@code owner}, opened with these seeds on first use. */
    private static FakeScope scopeOf(ExtensionContext owner, FakeConfiguration config, Supplier<List<Seed>> seeds) {
        return store(owner).getOrComputeIfAbsent(FakeScope.class,
                key -> FakeScope.open(config, seeds.get(), describe(owner), () -> SharedAsyncHttpClient.of(owner)),
                FakeScope.class);
    }

    /**
     * A namespace per owning context: {@code Store.get} also looks in the parents' stores, and a
     * per-test fake must never be mistaken for its class's per-class fake (or the reverse).
     */
    static Store store(ExtensionContext owner) {
        return owner.getStore(Namespace.create(SageMakerWorkforceExtension.class, owner.getUniqueId()));
    }

    private static String describe(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return "test " + context.getRequiredTestClass().getSimpleName() + " > " + context.getDisplayName();
        }
        return context.getTestClass().map(c -> "class " + c.getSimpleName()).orElse(context.getDisplayName());
    }

    // ------------------------------------------------------------------ fields

    /**
     * The annotated instance fields of a test class, looked up once per class: every test of the
     * class asks again, and the lookup walks the class hierarchy (docs/benchmarks.md, "The cost of a
     * test in process").
     */
    private static final ClassValue<List<Field>> INSTANCE_FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            return annotatedFields(type, ModifierSupport::isNotStatic);
        }
    };

    private static List<Field> annotatedFields(Class<?> type, Predicate<Field> modifiers) {
        Set<Field> fields = new LinkedHashSet<>();
        fields.addAll(AnnotationSupport.findAnnotatedFields(type, InjectSageMaker.class, modifiers,
                HierarchyTraversalMode.TOP_DOWN));
        fields.addAll(AnnotationSupport.findAnnotatedFields(type, SageMakerEndpoint.class, modifiers,
                HierarchyTraversalMode.TOP_DOWN));
        return List.copyOf(fields);
    }

    private FakeConfiguration configuration(ExtensionContext context) {
        return FakeConfiguration.resolve(context, programmatic);
    }

    private static void inject(Field field, Object instance, ExtensionContext context, FakeConfiguration config) {
        String target = (instance == null ? "static field '" : "field '") + field.getType().getSimpleName() + " "
                + field.getName() + "' of " + field.getDeclaringClass().getName();
        if (Modifier.isFinal(field.getModifiers())) {
            throw new ExtensionConfigurationException(target + " is final, so it cannot be injected. Remove "
                    + "'final', or take the value as a constructor parameter (parameters are injected by type).");
        }
        Injectable injectable = Injectable.of(field, field.getType(), target);
        Object value = injectable.valueFrom(scopeFor(context, config, target), target);
        try {
            if (!field.trySetAccessible()) {
                throw new ExtensionConfigurationException(target + " is not accessible to the extension; open its "
                        + "package to org.junit.platform.commons, or make the field non-private.");
            }
            field.set(instance, value);
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException(target + " could not be set: " + e.getMessage(), e);
        }
    }
}
