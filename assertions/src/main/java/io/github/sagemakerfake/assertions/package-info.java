/**
 * Fluent AssertJ assertions over a SageMaker workforce fake: its state (workforce, work teams),
 * its request journal, and the errors SageMaker answers. Start from
 * {@link io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions}; see docs/assertions.md.
 *
 * <p>A module of its own so that the fake's core and its server image never load AssertJ; the
 * JUnit extension and Testcontainers modules depend on it, so their users get these assertions
 * with them. AssertJ itself (3.25 or later) is the test project's own dependency.
 */
package io.github.sagemakerfake.assertions;
