package io.github.sagemakerfake.internal.protocol;

/**
 * Which account and region a request belongs to (decision, docs/fidelity.md): an access key id of 12 digits
 * is the account (the LocalStack convention), any other key means the default account; the region
 * is the one in the SigV4 credential scope, else the default region. Derived from the one
 * {@link SigV4Authorization} parse of the request, the same one strict mode verifies.
 *
 * @param account       the account the request acts in
 * @param region        the region the request acts in
 * @param authorization the parsed SigV4 header, or null when the request has none
 */
public record RequestIdentity(String account, String region, SigV4Authorization authorization) {

    /**
     * @throws io.github.sagemakerfake.internal.error.ServiceError when the header claims SigV4 but
     *                                                              is malformed or names no region
     */
    public static RequestIdentity of(String authorization, String defaultAccount, String defaultRegion) {
        if (!SigV4Authorization.claimsSigV4(authorization)) {
            return new RequestIdentity(defaultAccount, defaultRegion, null);
        }
        SigV4Authorization parsed = SigV4Authorization.parse(authorization);
        return new RequestIdentity(isAccount(parsed.accessKeyId()) ? parsed.accessKeyId() : defaultAccount,
                parsed.region(), parsed);
    }

    public String accessKeyId() {
        return authorization == null ? null : authorization.accessKeyId();
    }

    private static boolean isAccount(String key) {
        if (key.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
