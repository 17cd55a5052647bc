package io.github.sagemakerfake.internal.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pure math of AWS Signature Version 4, on the JDK's HMAC and SHA-256 only: the server's
 * strict mode verifies with it, and the SDK-free admin client ({@code RemoteFakeControl}) signs
 * with it.
 */
public final class SigV4Signing {

    public static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private SigV4Signing() {
    }

    /**
     * The canonical request.
     *
     * @param headers       header values by name (any case)
     * @param signedHeaders lower-case names, in the order signed
     * @param payloadHash   the hex SHA-256 of the body, or the declared {@code x-amz-content-sha256}
     */
    public static String canonicalRequest(String method, String rawPath, String rawQuery,
                                          Map<String, List<String>> headers, List<String> signedHeaders,
                                          String payloadHash) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(method).append('\n');
        sb.append(canonicalUri(rawPath)).append('\n');
        sb.append(canonicalQuery(rawQuery)).append('\n');
        for (String name : signedHeaders) {
            sb.append(name).append(':').append(canonicalHeaderValue(headers, name)).append('\n');
        }
        sb.append('\n').append(String.join(";", signedHeaders)).append('\n');
        sb.append(payloadHash);
        return sb.toString();
    }

    public static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return SigV4Authorization.ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** The hex signature of a string to sign. */
    public static String signature(String secret, String date, String region, String service, String stringToSign) {
        return HEX.formatHex(hmac(signingKey(secret, date, region, service), stringToSign));
    }

    /**
     * Signs a request as a client does: returns the headers to add ({@code X-Amz-Date},
     * {@code x-amz-content-sha256}, {@code Authorization}), signing {@code host}, those two and
     * every header given.
     *
     * @param headers the headers the request will carry, including {@code host}
     */
    public static Map<String, String> sign(String accessKeyId, String secret, String region, String service,
                                           String method, String rawPath, String rawQuery,
                                           Map<String, String> headers, byte[] body, Instant now) {
        String amzDate = AMZ_DATE.format(now);
        String date = amzDate.substring(0, 8);
        String payloadHash = sha256Hex(body);
        TreeMap<String, List<String>> all = new TreeMap<>();
        headers.forEach((k, v) -> all.put(k.toLowerCase(Locale.ROOT), List.of(v)));
        all.put("x-amz-date", List.of(amzDate));
        all.put("x-amz-content-sha256", List.of(payloadHash));
        List<String> signed = new ArrayList<>(all.keySet());
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String canonical = canonicalRequest(method, rawPath, rawQuery, all, signed, payloadHash);
        String signature = signature(secret, date, region, service, stringToSign(amzDate, scope, canonical));
        Map<String, String> added = new TreeMap<>();
        added.put("X-Amz-Date", amzDate);
        added.put("x-amz-content-sha256", payloadHash);
        added.put("Authorization", SigV4Authorization.ALGORITHM + " Credential=" + accessKeyId + "/" + scope
                + ", SignedHeaders=" + String.join(";", signed) + ", Signature=" + signature);
        return added;
    }

    /**
     * Every service but S3 signs the path as received with each segment encoded once more (the
     * SDKs' "double URL encoding"). The fake's paths need no dot-segment normalization.
     */
    public static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringJoiner joined = new StringJoiner("/");
        for (String segment : rawPath.split("/", -1)) {
            joined.add(encode(segment));
        }
        return joined.toString();
    }

    public static String canonicalQuery(String rawQuery) {
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
        List<String> trimmed = new ArrayList<>();
        headers.forEach((k, values) -> {
            if (k != null && k.equalsIgnoreCase(name) && values != null) {
                for (String v : values) {
                    trimmed.add(v.trim().replaceAll(" +", " "));
                }
            }
        });
        return String.join(",", trimmed);
    }

    /** SigV4's URI encoding: unreserved characters stay, everything else is %XX in upper case. */
    public static String encode(String s) {
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

    public static byte[] signingKey(String secret, String date, String region, String service) {
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

    public static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
