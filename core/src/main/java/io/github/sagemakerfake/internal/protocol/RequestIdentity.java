package io.github.sagemakerfake.internal.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which account and region a request belongs to (brief decision): an access key id of 12 digits
 * is the account (the LocalStack convention), any other key means the default account; the region
 * is the one in the SigV4 credential scope, else the default region.
 */
public record RequestIdentity(String account, String region, String accessKeyId) {

    private static final Pattern CREDENTIAL =
            Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

    public static RequestIdentity of(String authorization, String defaultAccount, String defaultRegion) {
        if (authorization == null) {
            return new RequestIdentity(defaultAccount, defaultRegion, null);
        }
        Matcher m = CREDENTIAL.matcher(authorization);
        if (!m.find()) {
            return new RequestIdentity(defaultAccount, defaultRegion, null);
        }
        String key = m.group(1);
        String account = ACCOUNT.matcher(key).matches() ? key : defaultAccount;
        return new RequestIdentity(account, m.group(3), key);
    }
}
