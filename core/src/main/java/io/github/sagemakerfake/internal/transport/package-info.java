/**
 * Internal: not API, may change without notice in any release. Use the public packages
 * ({@code io.github.sagemakerfake}, {@code .control}, {@code .admin}) instead.
 *
 * <p>Here: the in-memory SDK HTTP clients that connect genuine SDK clients to the fake without a socket.
 */
package io.github.sagemakerfake.internal.transport;
