/**
 * Internal: not API, may change without notice in any release. Use the public packages
 * ({@code io.github.sagemakerfake}, {@code .control}, {@code .admin}) instead.
 *
 * <p>Here: the request journal: the bounded store, the redaction of secrets and the recording of
 * one exchange. Its public view is {@link io.github.sagemakerfake.control.JournalEntry}.
 */
@API(status = INTERNAL)
package io.github.sagemakerfake.internal.journal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
