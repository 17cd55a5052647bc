package io.github.sagemakerfake.junit;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Declares JUnit's standard {@code java.lang.System.properties} read-write lock for classes with
 * {@link SageMakerWorkforceTest#setSystemProperties()}, so that JUnit's parallel executor never runs
 * two of them (or any other test holding that lock) at the same time. Only the annotation is read:
 * resource locks are computed at discovery, before configuration parameters reach extensions.
 * Instantiated by JUnit through {@code @ResourceLock(providers = ...)} on the annotation.
 */
final class SystemPropertiesLockProvider implements ResourceLocksProvider {

    static final Lock SYSTEM_PROPERTIES = new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ_WRITE);

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        return locksFor(testClass);
    }

    @Override
    public Set<Lock> provideForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
        return locksFor(testClass);
    }

    @Override
    public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        return Set.of(); // the class-level lock already covers every method
    }

    private static Set<Lock> locksFor(Class<?> testClass) {
        boolean sets = AnnotationSupport.findAnnotation(testClass, SageMakerWorkforceTest.class)
                .map(SageMakerWorkforceTest::setSystemProperties).orElse(false);
        return sets ? Set.of(SYSTEM_PROPERTIES) : Set.of();
    }
}
