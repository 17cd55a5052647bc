/**
 * The standalone HTTP server: {@link io.github.sagemakerfake.server.SageMakerWorkforceServer} serves
 * the fake on the real wire (any AWS client works unchanged), with the admin API under
 * {@code /_fake/} and optional strict SigV4 verification; {@link io.github.sagemakerfake.server.ServerMain}
 * is the runnable jar's entry point. See docs/server.md.
 */
package io.github.sagemakerfake.server;
