package io.github.sagemakerfake.server;

import io.github.sagemakerfake.internal.error.ServiceError;
import io.github.sagemakerfake.internal.protocol.Authenticator;
import io.github.sagemakerfake.internal.protocol.ProtocolRequest;
import io.github.sagemakerfake.internal.protocol.RequestIdentity;
import io.github.sagemakerfake.internal.protocol.SigV4Authorization;
import io.github.sagemakerfake.internal.protocol.SigV4Signing;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Strict mode: verifies AWS Signature Version 4 ({@code AWS4-HMAC-SHA256} in the Authorization
 * header) against the one configured key pair, and answers what a Coral service answers when it
 * does not hold. Codes, texts and HTTP status are the service's (docs/server.md cites the sources).
 * It reads the header only through the one {@link SigV4Authorization} parse the protocol uses to
 * pick the account and region, so what is verified is what selects the account.
 *
 * <p>The request time is checked against the real clock, not the fake clock: clients sign with the
 * real time, and a test that advances the fake clock by a day must not break every signature.
 */
final class SigV4Verifier implements Authenticator {

    /** SageMaker's CommonErrors page: a request without any authentication is 403. */
    static final String MISSING_TOKEN = "MissingAuthenticationToken";
    static final String INCOMPLETE = SigV4Authorization.INCOMPLETE;
    static final String UNRECOGNIZED_CLIENT = "UnrecognizedClientException";
    static final String INVALID_SIGNATURE = SigV4Authorization.INVALID_SIGNATURE;

    static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.";

    private static final String SERVICE = "sagemaker";
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private final ServerOptions.Credentials credentials;
    private final Clock clock;

    SigV4Verifier(ServerOptions.Credentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public void authenticate(ProtocolRequest request, RequestIdentity identity) {
        verify(request.method(), request.path(), request.rawQuery(), request.headers(), request.body(),
                identity.authorization());
    }

    /** Parses the header (the one parser) and verifies: for requests that are not AWS operations (the admin API). */
    void verify(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        String authorization = first(headers, "authorization");
        SigV4Authorization parsed = SigV4Authorization.claimsSigV4(authorization)
                ? SigV4Authorization.parse(authorization) : null;
        verify(method, rawPath, rawQuery, headers, body, parsed);
    }

    /** How the service refuses a request: its error code and message. */
    record Refusal(String code, String message) {
    }

    /** The refusal of a request to {@code uri}, or null when it is signed with the configured key pair. */
    Refusal check(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        try {
            verify(method, uri.getRawPath(), uri.getRawQuery(), headers, body);
            return null;
        } catch (ServiceError e) {
            return new Refusal(e.code(), e.getMessage());
        }
    }

    /**
     * Checks one request.
     *
     * @param parsed the one parse of the Authorization header; null when it does not claim SigV4
     * @throws ServiceError the service's answer when the request is not signed by the configured key
     */
    private void verify(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                        byte[] body, SigV4Authorization parsed) {
        String authorization = first(headers, "authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new ServiceError(MISSING_TOKEN, 403, "Missing Authentication Token");
        }
        if (parsed == null) {
            throw new ServiceError(INCOMPLETE, 400, "Unsupported Authorization algorithm; the SageMaker Workforce "
                    + "Fake in strict mode accepts " + SigV4Authorization.ALGORITHM + " (Signature Version 4). "
                    + "Authorization=" + authorization);
        }
        String amzDate = first(headers, "x-amz-date");
        if (amzDate == null) {
            throw new ServiceError(INCOMPLETE, 400, "Authorization header requires existence of either a "
                    + "'X-Amz-Date' or a 'Date' header. Authorization=" + authorization);
        }
        if (!credentials.accessKeyId().equals(parsed.accessKeyId())) {
            throw new ServiceError(UNRECOGNIZED_CLIENT, 400, "The security token included in the request is invalid.");
        }
        if (!SERVICE.equals(parsed.service())) {
            throw new ServiceError(INVALID_SIGNATURE, 400,
                    "Credential should be scoped to correct service: '" + SERVICE + "'. ");
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(SigV4Signing.AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw new ServiceError(INCOMPLETE, 400, "Date must be in ISO-8601 'basic format'. Got '" + amzDate
                    + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
        if (!amzDate.startsWith(parsed.date())) {
            throw new ServiceError(INVALID_SIGNATURE, 400, "Date in Credential scope does not match YYYYMMDD from "
                    + "ISO-8601 version of date from HTTP: '" + parsed.date() + "' != '" + amzDate.substring(0, 8)
                    + "', from '" + amzDate + "'.");
        }
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw new ServiceError(INVALID_SIGNATURE, 400, "Signature expired: " + amzDate + " is now earlier than "
                    + SigV4Signing.AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + SigV4Signing.AMZ_DATE.format(now)
                    + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw new ServiceError(INVALID_SIGNATURE, 400, "Signature not yet current: " + amzDate
                    + " is still later than " + SigV4Signing.AMZ_DATE.format(now.plus(MAX_SKEW)) + " ("
                    + SigV4Signing.AMZ_DATE.format(now) + " + 15 min.)");
        }
        if (!parsed.signedHeaders().contains("host")) {
            throw new ServiceError(INVALID_SIGNATURE, 400,
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        String actual = SigV4Signing.sha256Hex(body);
        String declared = first(headers, "x-amz-content-sha256");
        if (declared != null && declared.matches("[0-9a-fA-F]{64}") && !declared.equalsIgnoreCase(actual)) {
            // A declared hash that the body does not have is a signature over another body.
            throw new ServiceError(INVALID_SIGNATURE, 400, SIGNATURE_MISMATCH);
        }
        // Clients may sign a declared value such as UNSIGNED-PAYLOAD; the canonical request uses it as sent.
        String canonicalRequest = SigV4Signing.canonicalRequest(method, rawPath, rawQuery, headers,
                parsed.signedHeaders(), declared != null ? declared : actual);
        String stringToSign = SigV4Signing.stringToSign(amzDate, parsed.scope(), canonicalRequest);
        byte[] expected = SigV4Signing.signature(credentials.secretAccessKey(), parsed.date(), parsed.region(),
                parsed.service(), stringToSign).getBytes(StandardCharsets.US_ASCII);
        byte[] provided = parsed.signature().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, provided)) {
            throw new ServiceError(INVALID_SIGNATURE, 400, SIGNATURE_MISMATCH);
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null
                    && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
