/**
 * The in-process fake: {@link io.github.sagemakerfake.SageMakerWorkforceFake} hands out genuine AWS
 * SDK for Java v2 clients (sync and async) whose HTTP transport is the fake itself, no socket, and
 * is the fake's control surface ({@link io.github.sagemakerfake.control.FakeControl}). See
 * docs/forms.md.
 *
 * <p>Public API: this package, {@code io.github.sagemakerfake.control} and
 * {@code io.github.sagemakerfake.admin}. Packages under {@code io.github.sagemakerfake.internal}
 * are not.
 */
package io.github.sagemakerfake;
