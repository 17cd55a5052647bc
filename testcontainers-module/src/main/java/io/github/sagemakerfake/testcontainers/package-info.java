/**
 * Testcontainers support: {@link io.github.sagemakerfake.testcontainers.SageMakerWorkforceContainer}
 * runs the standalone server in Docker, from an image built locally from the server jar shipped in
 * this artifact ({@link io.github.sagemakerfake.testcontainers.SageMakerWorkforceImage}). See
 * docs/container.md.
 */
package io.github.sagemakerfake.testcontainers;
