package io.github.sagemakerfake.internal.protocol;

/**
 * Checks that a request may be served, given the one parse of its Authorization header. The
 * in-process fake accepts everything ({@link #ANY}); the server's strict mode verifies SigV4.
 */
@FunctionalInterface
public interface Authenticator {

    /** Accepts any request, signed or not. */
    Authenticator ANY = (request, identity) -> { };

    /**
     * @param identity the request's identity, parsed once; its {@code authorization} is null when
     *                 the request is not SigV4-signed
     * @throws io.github.sagemakerfake.internal.error.ServiceError the refusal to answer with
     */
    void authenticate(ProtocolRequest request, RequestIdentity identity);
}
