package io.github.sagemakerfake.spring;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.List;
import org.springframework.test.context.TestContextAnnotationUtils.AnnotationDescriptor;
import org.springframework.test.context.bean.override.BeanOverrideHandler;
import org.springframework.test.context.bean.override.BeanOverrideProcessor;

/**
 * Turns {@link EnableSageMakerWorkforceFake} into two type-level bean overrides, one for
 * {@code SageMakerClient} and one for {@code SageMakerAsyncClient}, which Spring's Bean Override
 * support applies before any bean is created (as for a type-level {@code @MockitoBean}).
 */
final class FakeClientOverrideProcessor implements BeanOverrideProcessor {

    @Override
    public BeanOverrideHandler createHandler(Annotation overrideAnnotation, Class<?> testClass, Field field) {
        throw new IllegalStateException("@EnableSageMakerWorkforceFake belongs on a test class, not on the field "
                + field);
    }

    @Override
    public List<BeanOverrideHandler> createHandlers(Annotation overrideAnnotation, Class<?> testClass) {
        // Spring asks once per class in the hierarchy that declares the annotation (a nested class
        // and its enclosing class, a subclass and its superclass); only the declaration in force
        // counts, as for the fake itself, or the two overrides would be registered twice.
        AnnotationDescriptor<EnableSageMakerWorkforceFake> nearest =
                SageMakerFakeContextCustomizerFactory.nearestDeclaration(testClass);
        if (nearest == null || nearest.getAnnotation() != overrideAnnotation) {
            return List.of();
        }
        EnableSageMakerWorkforceFake declaration = nearest.getAnnotation();
        if (!declaration.replaceClients()) {
            return List.of();
        }
        FakeContextSettings settings = FakeContextSettings.from(declaration, nearest.getDeclaringClass());
        return List.of(
                new FakeClientOverrideHandler(FakeClientOverrideHandler.Kind.SYNC, settings.account(), settings.region()),
                new FakeClientOverrideHandler(FakeClientOverrideHandler.Kind.ASYNC, settings.account(), settings.region()));
    }
}
