/**
 * Internal: not API, may change without notice in any release. Use the public packages
 * ({@code io.github.sagemakerfake}, {@code .control}, {@code .admin}) instead.
 *
 * <p>Here: the service's state and rules: regions, workforces, work teams, the journal and the 16 operations.
 */
package io.github.sagemakerfake.internal.backend;
