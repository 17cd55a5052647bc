/**
 * The state document as text: the versioned, lossless form of a fake's state used by the server's
 * state file, snapshots and {@code FakeControl.restore} (docs/server.md, "The state file").
 * Internal; not API.
 */
package io.github.sagemakerfake.internal.persistence;
