package io.github.sagemakerfake.server;

import io.github.sagemakerfake.internal.backend.ServiceError;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Strict mode: verifies AWS Signature Version 4 ({@code AWS4-HMAC-SHA256} in the Authorization
 * header) against the one configured key pair, and answers what a Coral service answers when it
 * does not hold. Codes, texts and HTTP status are the service's (docs/server.md cites the sources);
 * SageMaker, an awsJson service, answers all of them with HTTP 400.
 *
 * <p>The request time is checked against the real clock, not the fake clock: clients sign with the
 * real time, and a test that advances the fake clock by a day must not break every signature.
 */
final class SigV4Verifier {

    static final String MISSING_TOKEN = "MissingAuthenticationTokenException";
    static final String INCOMPLETE = "IncompleteSignatureException";
    static final String UNRECOGNIZED_CLIENT = "UnrecognizedClientException";
    static final String INVALID_SIGNATURE = "InvalidSignatureException";

    static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.";

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String SERVICE = "sagemaker";
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private final ServerOptions.Credentials credentials;
    private final Clock clock;

    SigV4Verifier(ServerOptions.Credentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /**
     * Checks one request.
     *
     * @param headers header values by name, names case-insensitive
     * @throws ServiceError the service's answer when the request is not signed by the configured key
     */
    void verify(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        String authorization = first(headers, "authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new ServiceError(MISSING_TOKEN, 400, "Missing Authentication Token");
        }
        if (!authorization.startsWith(ALGORITHM + " ")) {
            throw new ServiceError(INCOMPLETE, 400, "Unsupported Authorization algorithm; the SageMaker Workforce "
                    + "Fake in strict mode accepts " + ALGORITHM + " (Signature Version 4). Authorization="
                    + authorization);
        }
        Map<String, String> params = parameters(authorization.substring(ALGORITHM.length() + 1));
        StringBuilder missing = new StringBuilder();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            if (params.get(name) == null || params.get(name).isEmpty()) {
                missing.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        String amzDate = first(headers, "x-amz-date");
        if (amzDate == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.length() > 0) {
            throw new ServiceError(INCOMPLETE, 400, missing + "Authorization=" + authorization);
        }
        String[] scope = params.get("Credential").split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            throw new ServiceError(INCOMPLETE, 400, "Credential must have exactly 5 slash-delimited elements, e.g. "
                    + "keyid/date/region/service/term, got '" + params.get("Credential") + "'");
        }
        if (!credentials.accessKeyId().equals(scope[0])) {
            throw new ServiceError(UNRECOGNIZED_CLIENT, 400, "The security token included in the request is invalid.");
        }
        if (!SERVICE.equals(scope[3])) {
            throw new ServiceError(INVALID_SIGNATURE, 400,
                    "Credential should be scoped to correct service: '" + SERVICE + "'. ");
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw new ServiceError(INCOMPLETE, 400, "Date must be in ISO-8601 'basic format'. Got '" + amzDate
                    + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
        if (!amzDate.startsWith(scope[1])) {
            throw new ServiceError(INVALID_SIGNATURE, 400, "Date in Credential scope does not match YYYYMMDD from "
                    + "ISO-8601 version of date from HTTP: '" + scope[1] + "' != '" + amzDate.substring(0, 8)
                    + "', from '" + amzDate + "'.");
        }
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw new ServiceError(INVALID_SIGNATURE, 400, "Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw new ServiceError(INVALID_SIGNATURE, 400, "Signature not yet current: " + amzDate
                    + " is still later than " + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now)
                    + " + 15 min.)");
        }
        List<String> signedHeaders = List.of(params.get("SignedHeaders").toLowerCase(Locale.ROOT).split(";"));
        if (!signedHeaders.contains("host")) {
            throw new ServiceError(INVALID_SIGNATURE, 400,
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        String canonicalRequest = canonicalRequest(method, uri, headers, signedHeaders, body);
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope[1] + "/" + scope[2] + "/" + scope[3]
                + "/aws4_request\n" + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = signingKey(credentials.secretAccessKey(), scope[1], scope[2], scope[3]);
        byte[] expected = HEX.formatHex(hmac(key, stringToSign)).getBytes(StandardCharsets.US_ASCII);
        byte[] provided = params.get("Signature").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, provided)) {
            throw new ServiceError(INVALID_SIGNATURE, 400, SIGNATURE_MISMATCH);
        }
    }

    static String canonicalRequest(String method, URI uri, Map<String, List<String>> headers,
                                   List<String> signedHeaders, byte[] body) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(method).append('\n');
        sb.append(canonicalUri(uri.getRawPath())).append('\n');
        sb.append(canonicalQuery(uri.getRawQuery())).append('\n');
        for (String name : signedHeaders) {
            sb.append(name).append(':').append(canonicalHeaderValue(headers, name)).append('\n');
        }
        sb.append('\n').append(String.join(";", signedHeaders)).append('\n');
        String actual = HEX.formatHex(sha256(body));
        String declared = first(headers, "x-amz-content-sha256");
        if (declared != null && declared.matches("[0-9a-fA-F]{64}") && !declared.equalsIgnoreCase(actual)) {
            // A declared hash that the body does not have is a signature over another body.
            throw new ServiceError(INVALID_SIGNATURE, 400, SIGNATURE_MISMATCH);
        }
        // Clients may sign a declared value such as UNSIGNED-PAYLOAD; the canonical request uses it as sent.
        sb.append(declared != null ? declared : actual);
        return sb.toString();
    }

    /**
     * Every service but S3 signs the path as received with each segment encoded once more (the
     * SDKs' "double URL encoding"). The fake's one valid path is {@code /}, so dot segments are not
     * normalized.
     */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringJoiner joined = new StringJoiner("/");
        for (String segment : rawPath.split("/", -1)) {
            joined.add(encode(segment));
        }
        return joined.toString();
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new String[] {encode(percentDecode(name)), encode(percentDecode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    private static String canonicalHeaderValue(Map<String, List<String>> headers, String name) {
        List<String> values = all(headers, name);
        List<String> trimmed = new ArrayList<>(values.size());
        for (String v : values) {
            trimmed.add(v.trim().replaceAll(" +", " "));
        }
        return String.join(",", trimmed);
    }

    /** SigV4's URI encoding: unreserved characters stay, everything else is %XX in upper case. */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write((hi << 4) | lo);
                    i += 2;
                    continue;
                }
            }
            byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Parses {@code Credential=..., SignedHeaders=..., Signature=...}. */
    private static Map<String, String> parameters(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0) {
                map.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
            }
        }
        return map;
    }

    static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, region);
        k = hmac(k, service);
        return hmac(k, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = all(headers, name);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> all(Map<String, List<String>> headers, String name) {
        List<String> result = new ArrayList<>();
        headers.forEach((k, v) -> {
            if (k != null && k.equalsIgnoreCase(name) && v != null) {
                result.addAll(v);
            }
        });
        return result;
    }
}
