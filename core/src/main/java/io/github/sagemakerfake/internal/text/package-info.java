/**
 * Internal: not API, may change without notice in any release. Use the public packages
 * ({@code io.github.sagemakerfake}, {@code .control}, {@code .admin}) instead.
 *
 * <p>Here: the one reader of durations written as text (flags, environment variables,
 * annotation attributes, lifecycle forms), and the one check of an account id's and a region
 * name's form.
 */
@API(status = INTERNAL)
package io.github.sagemakerfake.internal.text;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
