/**
 * The control surface every form of the fake shares: settings and limits
 * ({@link io.github.sagemakerfake.control.FakeSettings}), the clock, state snapshots, the request
 * journal, seeding and fault rules, behind {@link io.github.sagemakerfake.control.FakeControl}. The
 * same calls work on an in-process fake, a server in the test's JVM and a container
 * ({@link io.github.sagemakerfake.admin.RemoteFakeControl}). See docs/faults.md and docs/seeding.md.
 */
package io.github.sagemakerfake.control;
