/**
 * Internal: not API, may change without notice in any release. Use the public packages
 * ({@code io.github.sagemakerfake}, {@code .control}, {@code .admin}) instead.
 *
 * <p>Here: request validation against the constraints of the SageMaker service model.
 */
@API(status = INTERNAL)
package io.github.sagemakerfake.internal.validation;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
