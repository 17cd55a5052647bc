/**
 * Internal: not API, may change without notice in any release. Use the public packages
 * ({@code io.github.sagemakerfake}, {@code .control}, {@code .admin}) instead.
 *
 * <p>Here: the fake's own JSON reader and writer, and the wire form of timestamps.
 */
@API(status = INTERNAL)
package io.github.sagemakerfake.internal.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
