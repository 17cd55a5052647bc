/**
 * Internal: not API, may change without notice in any release. Use the public packages
 * ({@code io.github.sagemakerfake}, {@code .control}, {@code .admin}) instead.
 *
 * <p>Here: the in-memory SDK HTTP clients that connect genuine SDK clients to the fake without a socket.
 */
@API(status = INTERNAL)
package io.github.sagemakerfake.internal.transport;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
