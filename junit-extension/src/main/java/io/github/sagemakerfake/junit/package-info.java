/**
 * JUnit Jupiter support: {@link io.github.sagemakerfake.junit.SageMakerWorkforceTest} gives each test
 * a fresh SageMaker workforce fake and injects SDK clients wired to it.
 *
 * <p>Public: the extension itself, {@link io.github.sagemakerfake.junit.SageMakerWorkforceExtension}
 * (for {@code @RegisterExtension} with its builder, or {@code @ExtendWith}), the annotations
 * ({@link io.github.sagemakerfake.junit.SageMakerWorkforceTest},
 * {@link io.github.sagemakerfake.junit.SageMakerSeed}, {@link io.github.sagemakerfake.junit.InjectSageMaker},
 * {@link io.github.sagemakerfake.junit.SageMakerEndpoint}) and the injectable
 * {@link io.github.sagemakerfake.junit.SageMakerFakeRuntime}. Everything else is the
 * package-private implementation. See docs/junit-extension.md.
 */
package io.github.sagemakerfake.junit;
