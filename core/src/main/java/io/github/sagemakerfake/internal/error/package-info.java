/**
 * Internal: not API, may change without notice in any release. Use the public packages
 * ({@code io.github.sagemakerfake}, {@code .control}, {@code .admin}) instead.
 *
 * <p>Here: {@link io.github.sagemakerfake.internal.error.ServiceError}, the one error type of every
 * wire error (an operation's rule, the protocol, SigV4, an HTTP limit, the admin API), which
 * {@link io.github.sagemakerfake.internal.protocol.WireErrors} writes in the one wire form.
 */
@API(status = INTERNAL)
package io.github.sagemakerfake.internal.error;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
