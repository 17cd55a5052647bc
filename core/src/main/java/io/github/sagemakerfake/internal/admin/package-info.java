/**
 * Internal: not API, may change without notice in any release. Use the public packages
 * ({@code io.github.sagemakerfake}, {@code .control}, {@code .admin}) instead.
 *
 * <p>Here: the admin API's JSON forms shared by the server's {@code /_fake} endpoints and
 * {@link io.github.sagemakerfake.admin.RemoteFakeControl}, such as the fault rule codec.
 */
@API(status = INTERNAL)
package io.github.sagemakerfake.internal.admin;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
