/**
 * The fake in Spring tests: {@link io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake} on a
 * {@code @SpringBootTest} class gives its {@code ApplicationContext} a fake, reset before every
 * test, with the context's SageMaker clients replaced and endpoint properties filled. See
 * docs/spring.md.
 */
package io.github.sagemakerfake.spring;
