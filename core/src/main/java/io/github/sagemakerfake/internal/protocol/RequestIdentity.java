package io.github.sagemakerfake.internal.protocol;

import io.github.sagemakerfake.internal.text.AwsNames;

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
        return new RequestIdentity(AwsNames.isAccountId(parsed.accessKeyId()) ? parsed.accessKeyId() : defaultAccount,
                parsed.region(), parsed);
    }

    /**
     * The identity of an in-process client that does not sign: the in-memory transport knows the
     * account (the client's access key id, as {@link #of} would read it) and the region it was built
     * for, so nothing needs to be signed or parsed (docs/benchmarks.md, "A test as cheap as a mock").
     * The authorization stands for the client's credentials; it carries no signature.
     */
    public static RequestIdentity inProcess(String account, String region) {
        return new RequestIdentity(account, region,
                new SigV4Authorization(account, "", region, "sagemaker", java.util.List.of(), "", null));
    }

    public String accessKeyId() {
        return authorization == null ? null : authorization.accessKeyId();
    }
}
