package io.github.sagemakerfake.junit;

import io.github.sagemakerfake.junit.FakeConfiguration.SeedResource;
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
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.opentest4j.TestAbortedException;

/**
 * The extension behind {@link SageMakerWorkforceTest}. Stateless, like JUnit's {@code TempDirectory}:
 * each fake is a {@link FakeScope} in the {@link Store} of the context that owns it (the test
 * method with {@code PER_TEST}, the annotated class with {@code PER_CLASS}), so JUnit closes it
 * when that context ends, and {@code @Nested} classes, base classes and parallel tests never see
 * each other's fakes.
 *
 * <p>Fakes are created at fixed points that JUnit runs on one thread per context: the owning
 * class's {@code beforeAll}, the test's {@code beforeEach}, or earlier when a constructor asks for
 * one. That is why a plain get-then-put on the store is enough; no lock is needed.
 */
final class SageMakerWorkforceExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver,
        TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** Invoked by JUnit Jupiter via reflection, through {@code @ExtendWith} on the annotation. */
    SageMakerWorkforceExtension() {
    }

    /** Constructors get the test method's context, so a per-test fake can be injected into them. */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void beforeAll(ExtensionContext context) {
        FakeConfiguration config = FakeConfiguration.resolve(context);
        config.classSeeds.forEach(SeedResource::read); // a missing seed fails the class, not each test
        if (config.isolation == Isolation.PER_CLASS && config.classOwner.getUniqueId().equals(context.getUniqueId())) {
            scopeOf(config.classOwner, config, config.classSeeds);
        }
        List<Field> fields = annotatedFields(context.getRequiredTestClass(), ModifierSupport::isStatic);
        for (Field field : fields) {
            inject(field, null, context, config);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        FakeConfiguration config = FakeConfiguration.resolve(context);
        scopeFor(context, config, "the fake of " + describe(context)); // per-test fakes exist from here on
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : annotatedFields(instance.getClass(), ModifierSupport::isNotStatic)) {
                inject(field, instance, context, config);
            }
        }
    }

    // ------------------------------------------------------------------ parameters

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        return Injectable.claims(parameter, parameter.getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        String target = (parameter.isNamePresent()
                ? "parameter '" + parameter.getType().getSimpleName() + " " + parameter.getName() + "'"
                : "parameter #" + (parameterContext.getIndex() + 1) + " (" + parameter.getType().getSimpleName() + ")")
                + " of " + parameterContext.getDeclaringExecutable().getDeclaringClass().getSimpleName() + "."
                + executableName(parameterContext);
        Injectable injectable = Injectable.of(parameter, parameter.getType(), target);
        FakeConfiguration config = FakeConfiguration.resolve(extensionContext);
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
    private static Throwable withReport(ExtensionContext context, Throwable failure) {
        if (failure instanceof TestAbortedException || alreadyReported(failure)) {
            return failure;
        }
        try {
            Optional<FakeScope> scope = existingScope(context);
            if (scope.isPresent() && !scope.get().isClosed()) {
                failure.addSuppressed(new FailureReport.FakeStateAtFailure(FailureReport.render(scope.get())));
                context.publishReportEntry(FailureReport.reportEntry(scope.get()));
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
            List<SeedResource> seeds = new ArrayList<>(config.classSeeds);
            seeds.addAll(FakeConfiguration.methodSeeds(context.getRequiredTestMethod()));
            return scopeOf(context, config, seeds);
        }
        if (methodLevel && !FakeConfiguration.methodSeeds(context.getRequiredTestMethod()).isEmpty()) {
            Method method = context.getRequiredTestMethod();
            throw new ExtensionConfigurationException("@SageMakerSeed on " + method.getDeclaringClass().getName() + "."
                    + method.getName() + "() needs isolation = PER_TEST, but the isolation is PER_CLASS: the fake is "
                    + "shared by the class, so this test's seed would leak into the other tests. Move the seed to "
                    + "@SageMakerWorkforceTest(seed = ...), or use isolation = PER_TEST.");
        }
        return scopeOf(config.classOwner, config, config.classSeeds);
    }

    /** The fake owned by this context, without creating one: for reporting failures. */
    private static Optional<FakeScope> existingScope(ExtensionContext context) {
        FakeConfiguration config;
        try {
            config = FakeConfiguration.resolve(context);
        } catch (ExtensionConfigurationException misconfigured) {
            return Optional.empty(); // the class failed on it already; there is no fake to show
        }
        ExtensionContext owner = config.isolation == Isolation.PER_TEST ? context : config.classOwner;
        return Optional.ofNullable(store(owner).get(FakeScope.class, FakeScope.class));
    }

    private static FakeScope scopeOf(ExtensionContext owner, FakeConfiguration config, List<SeedResource> seeds) {
        Store store = store(owner);
        FakeScope scope = store.get(FakeScope.class, FakeScope.class);
        if (scope == null) {
            scope = FakeScope.open(config, seeds, describe(owner), () -> SharedAsyncHttpClient.of(owner));
            store.put(FakeScope.class, scope);
        }
        return scope;
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

    private static List<Field> annotatedFields(Class<?> type, Predicate<Field> modifiers) {
        Set<Field> fields = new LinkedHashSet<>();
        fields.addAll(AnnotationSupport.findAnnotatedFields(type, InjectSageMaker.class, modifiers,
                HierarchyTraversalMode.TOP_DOWN));
        fields.addAll(AnnotationSupport.findAnnotatedFields(type, SageMakerEndpoint.class, modifiers,
                HierarchyTraversalMode.TOP_DOWN));
        return List.copyOf(fields);
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
