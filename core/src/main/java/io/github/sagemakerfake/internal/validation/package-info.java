/**
 * Internal: not API, may change without notice in any release. Use the public packages
 * ({@code io.github.sagemakerfake}, {@code .control}, {@code .admin}) instead.
 *
 * <p>Here: request validation against the constraints of the SageMaker service model.
 */
package io.github.sagemakerfake.internal.validation;
