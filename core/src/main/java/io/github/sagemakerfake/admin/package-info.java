/**
 * {@link io.github.sagemakerfake.admin.RemoteFakeControl}: the Java client of a running server's
 * admin API ({@code /_fake/}), a {@link io.github.sagemakerfake.control.FakeControl} for a fake in
 * another process or a container. Needs only the JDK. See docs/server.md.
 */
package io.github.sagemakerfake.admin;
