/**
 * Internal: not API, may change without notice in any release. Use the public packages
 * ({@code io.github.sagemakerfake}, {@code .control}, {@code .admin}) instead.
 *
 * <p>Here: the awsJson1_1 protocol: requests and responses without a transport, and the fault engine.
 */
@API(status = INTERNAL)
package io.github.sagemakerfake.internal.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
