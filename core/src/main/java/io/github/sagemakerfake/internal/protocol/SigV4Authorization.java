package io.github.sagemakerfake.internal.protocol;

import io.github.sagemakerfake.internal.error.ServiceError;
import io.github.sagemakerfake.internal.text.AwsNames;
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
        // By index, not split/trim: this runs on every signed request (docs/benchmarks.md, "The server's tail").
        int n = authorization.length();
        for (int from = ALGORITHM.length() + 1; from <= n; ) {
            int comma = authorization.indexOf(',', from);
            int end = comma < 0 ? n : comma;
            int a = from;
            int b = end;
            while (a < b && authorization.charAt(a) <= ' ') {
                a++;
            }
            while (b > a && authorization.charAt(b - 1) <= ' ') {
                b--;
            }
            int eq = authorization.indexOf('=', a);
            if (eq >= b) {
                eq = -1;
            }
            int nameEnd = eq < 0 ? b : eq;
            String value = eq < 0 ? null : authorization.substring(eq + 1, b);
            if (is(authorization, a, nameEnd, "Credential")) {
                credential = once("Credential", credential, value, authorization);
            } else if (is(authorization, a, nameEnd, "SignedHeaders")) {
                signedHeaders = once("SignedHeaders", signedHeaders, value, authorization);
            } else if (is(authorization, a, nameEnd, "Signature")) {
                signature = once("Signature", signature, value, authorization);
            } else {
                throw incomplete("Authorization header has the parameter '"
                        + ServiceError.echo(authorization.substring(a, nameEnd)) + "', which is not part "
                        + "of Signature Version 4: the header has exactly Credential, SignedHeaders and Signature, "
                        + "separated by commas.", authorization);
            }
            from = end + 1;
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
        String[] scope = slashParts(credential);
        if (scope == null || !"aws4_request".equals(scope[4]) || scope[0].isEmpty()) {
            throw new ServiceError(INCOMPLETE, 400, "Credential must have exactly 5 slash-delimited elements, e.g. "
                    + "keyid/date/region/service/term, got '" + ServiceError.echo(credential) + "'");
        }
        requireRegion(scope[2]);
        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3],
                headerNames(signedHeaders.toLowerCase(Locale.ROOT)), signature.toLowerCase(Locale.ROOT), authorization);
    }

    /** True when {@code s[from, to)} is exactly {@code name}. */
    private static boolean is(String s, int from, int to, String name) {
        return to - from == name.length() && s.regionMatches(from, name, 0, name.length());
    }

    /** The five slash-delimited parts of a credential, or null when there are not exactly five. */
    private static String[] slashParts(String credential) {
        String[] parts = new String[5];
        int from = 0;
        for (int i = 0; i < 4; i++) {
            int slash = credential.indexOf('/', from);
            if (slash < 0) {
                return null;
            }
            parts[i] = credential.substring(from, slash);
            from = slash + 1;
        }
        if (credential.indexOf('/', from) >= 0) {
            return null;
        }
        parts[4] = credential.substring(from);
        return parts;
    }

    /** The semicolon-separated names, empty ones kept (as {@code split(";", -1)} would). */
    private static List<String> headerNames(String signedHeaders) {
        int count = 1;
        for (int i = 0; i < signedHeaders.length(); i++) {
            if (signedHeaders.charAt(i) == ';') {
                count++;
            }
        }
        String[] names = new String[count];
        int from = 0;
        for (int i = 0; i < count; i++) {
            int semi = signedHeaders.indexOf(';', from);
            int end = semi < 0 ? signedHeaders.length() : semi;
            names[i] = signedHeaders.substring(from, end);
            from = end + 1;
        }
        return List.of(names);
    }

    /** The credential scope after the key: {@code DATE/REGION/SERVICE/aws4_request}. */
    public String scope() {
        return date + "/" + region + "/" + service + "/aws4_request";
    }

    /**
     * Checks a region name has the AWS form ({@code us-east-1}, {@code us-gov-west-1}): two
     * letters, one or more lower-case words, a number. Hand-written, not a regex ({@link AwsNames}):
     * it runs on every signed request, in process too.
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

    /** The region form of {@link AwsNames#isRegionName}, 6 to 32 characters long. */
    static boolean isRegion(String s) {
        return s.length() >= 6 && s.length() <= 32 && AwsNames.isRegionName(s);
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
