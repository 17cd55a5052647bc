package io.github.sagemakerfake.spring;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestContextAnnotationUtils.AnnotationDescriptor;

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
        return new SageMakerFakeContextCustomizer(
                FakeContextSettings.from(declaration.getAnnotation(), declaration.getDeclaringClass()));
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
