package io.github.sagemakerfake.spring;

import java.lang.reflect.Field;
import java.util.List;
import org.springframework.core.ResolvableType;
import org.springframework.core.SpringVersion;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestContextAnnotationUtils.AnnotationDescriptor;
import org.springframework.test.context.bean.override.BeanOverrideHandler;
import org.springframework.test.context.bean.override.BeanOverrideStrategy;

/**
 * Registered in {@code META-INF/spring.factories}: gives every test class that carries (or
 * inherits, from a superclass or an enclosing class) {@link EnableSageMakerWorkforceFake} a
 * customizer that puts a fake into its context. The customizer is part of the context cache key.
 */
final class SageMakerFakeContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        AnnotationDescriptor<EnableSageMakerWorkforceFake> declaration = nearestDeclaration(testClass);
        if (declaration == null) {
            return null;
        }
        requireBeanOverrideSupport(testClass);
        return new SageMakerFakeContextCustomizer(
                FakeContextSettings.from(declaration.getAnnotation(), declaration.getDeclaringClass()));
    }

    /**
     * Fails loudly on a Spring Framework too old to replace the clients: before 6.2.2 a type-level
     * bean override is silently ignored, which would leave the application's clients pointing at AWS.
     */
    private static void requireBeanOverrideSupport(Class<?> testClass) {
        try {
            // The constructor the client overrides use, new in 6.2.6 (type-level overrides came in 6.2.2).
            BeanOverrideHandler.class.getDeclaredConstructor(Field.class, ResolvableType.class, String.class,
                    String.class, BeanOverrideStrategy.class);
        } catch (NoSuchMethodException | LinkageError e) {
            throw new IllegalStateException("@EnableSageMakerWorkforceFake on " + testClass.getName()
                    + " needs Spring Framework 6.2.6 or later (Spring Boot 3.4.5 or later), or 7; this test runs on "
                    + SpringVersion.getVersion() + ". Upgrade Spring, or leave the annotation out and point the "
                    + "application at a SageMakerWorkforceContainer (docs/spring.md).", e);
        }
    }

    /**
     * The declaration in force for a test class, searched as Spring searches its own test
     * annotations: the class, its interfaces and superclasses, then (per
     * {@code @NestedTestConfiguration}) its enclosing classes. Null when there is none.
     */
    static AnnotationDescriptor<EnableSageMakerWorkforceFake> nearestDeclaration(Class<?> testClass) {
        return TestContextAnnotationUtils.findAnnotationDescriptor(testClass, EnableSageMakerWorkforceFake.class);
    }
}
