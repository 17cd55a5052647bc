package io.github.sagemakerfake.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field for injection by {@link SageMakerWorkforceTest}. Supported types:
 * {@code SageMakerClient}, {@code SageMakerAsyncClient}, {@code FakeControl},
 * {@code SageMakerWorkforceFake} (in process only) and {@link SageMakerFakeRuntime}.
 *
 * <pre>{@code
 * @SageMakerWorkforceTest
 * class TeamServiceTest {
 *     @InjectSageMaker SageMakerClient sageMaker;
 *     @InjectSageMaker FakeControl fake;
 * }
 * }</pre>
 *
 * <p>Like {@code @TempDir}: an instance field is set before each test with that test's fake; a static
 * field is set once before all tests of its class, which needs
 * {@link SageMakerWorkforceTest.Isolation#PER_CLASS}. A field must not be {@code final}.
 * Parameters need no annotation (they are injected by type), but may carry it.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface InjectSageMaker {
}
