/**
 * Internal: not API, may change without notice in any release. Use the public packages
 * ({@code io.github.sagemakerfake}, {@code .control}, {@code .admin}) instead.
 *
 * <p>Here: what the standalone server and its remote users share, each named once: the server's
 * options with their flags and environment variables ({@link io.github.sagemakerfake.internal.remote.ServerOption}),
 * read by the server's command line and by the Testcontainers module; and the admin API's paths
 * ({@link io.github.sagemakerfake.internal.remote.AdminPaths}), served by the server and called by
 * {@link io.github.sagemakerfake.admin.RemoteFakeControl}.
 */
@API(status = INTERNAL)
package io.github.sagemakerfake.internal.remote;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
