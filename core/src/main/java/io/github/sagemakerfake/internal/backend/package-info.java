/**
 * Internal: not API, may change without notice in any release. Use the public packages
 * ({@code io.github.sagemakerfake}, {@code .control}, {@code .admin}) instead.
 *
 * <p>Here: the service's state and rules: regions, the operation registry ({@link io.github.sagemakerfake.internal.backend.Operation}, generated from the model) and one file of rules per resource family.
 */
@API(status = INTERNAL)
package io.github.sagemakerfake.internal.backend;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
