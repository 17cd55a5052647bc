package io.github.sagemakerfake.internal.protocol;

import io.github.sagemakerfake.internal.error.ServiceError;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one parse of a SigV4 {@code Authorization} header,
 * {@code AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request, SignedHeaders=a;b, Signature=hex}.
 * Signature checking (the server's strict mode) and the choice of account and region both read
 * this one result, so no header can be read one way by one and another way by the other.
 *
 * <p>Strict about the form: exactly the three parameters, each once, nothing else (a decoy
 * {@code X=Credential=999999999999/...} is refused, not skipped), a five-part credential scope
 * ending in {@code aws4_request}, and a region name of the AWS form.
 *
 * @param accessKeyId   the credential's access key id
 * @param date          the scope's date, {@code yyyyMMdd}
 * @param region        the scope's region
 * @param service       the scope's service
 * @param signedHeaders the signed header names, lower case, in the header's order
 * @param signature     the signature, lower-case hex
 * @param header        the whole header as sent
 */
public record SigV4Authorization(String accessKeyId, String date, String region, String service,
                                 List<String> signedHeaders, String signature, String header) {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String INCOMPLETE = "IncompleteSignatureException";
    public static final String INVALID_SIGNATURE = "InvalidSignatureException";

    /** True when the header claims Signature Version 4, so {@link #parse} applies. */
    public static boolean claimsSigV4(String authorization) {
        return authorization != null && authorization.startsWith(ALGORITHM);
    }

    /**
     * Parses a header that {@linkplain #claimsSigV4 claims SigV4}.
     *
     * @throws ServiceError {@code IncompleteSignatureException} (400) when the form is wrong,
     *                      {@code InvalidSignatureException} (400) when the region is not a region
     */
    public static SigV4Authorization parse(String authorization) {
        if (authorization.length() <= ALGORITHM.length() || authorization.charAt(ALGORITHM.length()) != ' ') {
            throw incomplete("Unsupported Authorization algorithm; the SageMaker Workforce Fake accepts " + ALGORITHM
                    + " (Signature Version 4).", authorization);
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : authorization.substring(ALGORITHM.length() + 1).split(",", -1)) {
            String p = part.trim();
            int eq = p.indexOf('=');
            String name = eq < 0 ? p : p.substring(0, eq);
            String value = eq < 0 ? null : p.substring(eq + 1);
            switch (name) {
                case "Credential" -> credential = once(name, credential, value, authorization);
                case "SignedHeaders" -> signedHeaders = once(name, signedHeaders, value, authorization);
                case "Signature" -> signature = once(name, signature, value, authorization);
                default -> throw incomplete("Authorization header has the parameter '" + ServiceError.echo(name) + "', which is not part "
                        + "of Signature Version 4: the header has exactly Credential, SignedHeaders and Signature, "
                        + "separated by commas.", authorization);
            }
        }
        StringBuilder missing = new StringBuilder();
        if (credential == null || credential.isEmpty()) {
            missing.append("Authorization header requires 'Credential' parameter. ");
        }
        if (signature == null || signature.isEmpty()) {
            missing.append("Authorization header requires 'Signature' parameter. ");
        }
        if (signedHeaders == null || signedHeaders.isEmpty()) {
            missing.append("Authorization header requires 'SignedHeaders' parameter. ");
        }
        if (missing.length() > 0) {
            throw new ServiceError(INCOMPLETE, 400, missing + "Authorization=" + ServiceError.echo(authorization));
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || !"aws4_request".equals(scope[4]) || scope[0].isEmpty()) {
            throw new ServiceError(INCOMPLETE, 400, "Credential must have exactly 5 slash-delimited elements, e.g. "
                    + "keyid/date/region/service/term, got '" + ServiceError.echo(credential) + "'");
        }
        requireRegion(scope[2]);
        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3],
                List.copyOf(Arrays.asList(signedHeaders.toLowerCase(Locale.ROOT).split(";", -1))),
                signature.toLowerCase(Locale.ROOT), authorization);
    }

    /** The credential scope after the key: {@code DATE/REGION/SERVICE/aws4_request}. */
    public String scope() {
        return date + "/" + region + "/" + service + "/aws4_request";
    }

    /**
     * Checks a region name has the AWS form ({@code us-east-1}, {@code us-gov-west-1}): two
     * letters, one or more lower-case words, a number. Hand-written, not a regex: it runs on every
     * signed request, in process too.
     *
     * @throws ServiceError {@code InvalidSignatureException} (400), the service's answer to a scope
     *                      naming no region
     */
    public static String requireRegion(String region) {
        if (!isRegion(region)) {
            throw new ServiceError(INVALID_SIGNATURE, 400, "Credential should be scoped to a valid region, not '"
                    + ServiceError.echo(region) + "'. A region name looks like us-east-1 or eu-west-2: set the client's region.");
        }
        return region;
    }

    static boolean isRegion(String s) {
        int n = s.length();
        if (n < 6 || n > 32 || !lower(s, 0) || !lower(s, 1) || s.charAt(2) != '-') {
            return false;
        }
        int i = 3;
        int words = 0;
        while (i < n && lower(s, i)) {
            while (i < n && lower(s, i)) {
                i++;
            }
            if (i >= n || s.charAt(i) != '-') {
                return false;
            }
            i++;
            words++;
        }
        if (words == 0 || i >= n) {
            return false;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean lower(String s, int i) {
        char c = s.charAt(i);
        return c >= 'a' && c <= 'z';
    }

    private static String once(String name, String previous, String value, String authorization) {
        if (previous != null) {
            throw incomplete("Authorization header has the parameter '" + ServiceError.echo(name) + "' twice.", authorization);
        }
        return value == null ? "" : value;
    }

    private static ServiceError incomplete(String message, String authorization) {
        return new ServiceError(INCOMPLETE, 400, message + " Authorization=" + ServiceError.echo(authorization));
    }

    /** Never prints the signature in full. */
    @Override
    public String toString() {
        return "SigV4Authorization[" + accessKeyId + "/" + scope() + "]";
    }
}
