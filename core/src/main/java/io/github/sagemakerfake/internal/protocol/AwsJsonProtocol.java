package io.github.sagemakerfake.internal.protocol;

import io.github.sagemakerfake.control.FaultEffect;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.OperationStub;
import io.github.sagemakerfake.control.StubAnswer;
import io.github.sagemakerfake.internal.iam.IamCatalog;
import io.github.sagemakerfake.internal.iam.IamEnforcement;
import io.github.sagemakerfake.internal.iam.IamPolicies;
import io.github.sagemakerfake.internal.backend.Operation;
import io.github.sagemakerfake.internal.backend.WorkforceBackend;
import io.github.sagemakerfake.internal.error.ServiceError;
import io.github.sagemakerfake.internal.journal.Journal;
import io.github.sagemakerfake.internal.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The awsJson1_1 protocol (docs/fidelity.md, "Wire protocol"): {@code POST /} with {@code X-Amz-Target: SageMaker.<Op>},
 * a JSON body, and errors as {@code {"__type": code, "message": text}} with the HTTP status, each
 * response carrying {@code x-amzn-RequestId}. Transport-independent: the in-memory SDK HTTP
 * clients and the HTTP server both hand their bytes to it, through {@link FakeEndpoint}.
 */
final class AwsJsonProtocol {

    private static final String TARGET_PREFIX = "SageMaker.";

    private final WorkforceBackend backend;
    private final Journal journal;
    private final FaultEngine faults;
    private final StubRegistry stubs;
    private final IamPolicies iam;

    /**
     * Built by {@link FakeEndpoint}, the composition root, which owns the journal, the fault rules, the
     * stubs and the IAM policies.
     */
    AwsJsonProtocol(WorkforceBackend backend, Journal journal, FaultEngine faults, StubRegistry stubs,
                    IamPolicies iam) {
        this.backend = backend;
        this.journal = journal;
        this.faults = faults;
        this.stubs = stubs;
        this.iam = iam;
    }

    /**
     * The first phase of a request: routes, parses, authenticates and picks the fault rule. Nothing
     * runs and nothing is journaled until {@link PendingResponse#complete()}.
     *
     * @param requestId the exchange's one request id, the one the transport uses for its own answers
     * @param known     the caller's identity when the transport knows it (an in-process client that
     *                  does not sign), else null: the Authorization header says
     */
    PendingResponse accept(ProtocolRequest request, String requestId, Authenticator authenticator,
                           RequestIdentity known) {
        Instant arrived = backend.clock().now();
        long started = System.nanoTime();
        String target = request.header("X-Amz-Target");
        String operationName = target == null ? "(no X-Amz-Target)"
                : target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
        RequestIdentity identity = null;
        Map<String, Object> body = Map.of();
        byte[] json = null; // the bytes the body was parsed from, once it parsed: the journal keeps them
        try {
            try {
                identity = known != null ? known : RequestIdentity.of(request.header("Authorization"), backend.settings().defaultAccount(),
                        backend.settings().defaultRegion());
                authenticator.authenticate(request, identity);
            } catch (ServiceError refused) {
                // Refused before it reached the service: no account acts, nothing is journaled.
                return PendingResponse.immediate(requestId, WireErrors.error(requestId, refused));
            }
            OperationStub stub = stubFor(request, target);
            if (stub != null) {
                Map<String, Object> input = parseBody(request);
                RequestIdentity who = identity;
                return new PendingResponse(requestId, 0,
                        () -> answerStub(requestId, arrived, started, operationName, who, stub, input));
            }
            Operation op = route(request, target);
            body = parseBody(request);
            json = request.body() == null ? new byte[0] : request.body();
            IamEnforcement enforcement = iam.active(); // null unless a policy is set: enforcement off costs this read
            if (enforcement != null) {
                authorize(enforcement, identity, op, body, arrived);
            }
            FaultRule fault = faults.select(op.wireName(), body);
            long delay = fault == null ? 0 : latencyNanos(fault);
            RequestIdentity who = identity;
            Map<String, Object> input = body;
            byte[] sent = json;
            return new PendingResponse(requestId, delay,
                    () -> execute(requestId, arrived, started, operationName, who, op, input, sent, fault));
        } catch (ServiceError e) {
            RequestIdentity who = identity != null ? identity : new RequestIdentity(
                    backend.settings().defaultAccount(), backend.settings().defaultRegion(), null);
            Map<String, Object> input = body;
            byte[] sent = json;
            return new PendingResponse(requestId, 0, () -> {
                ProtocolResponse response = WireErrors.error(requestId, e);
                record(arrived, started, requestId, operationName, who, input, sent, response, e, null);
                return response;
            });
        }
    }

    /**
     * Refuses a call the caller's identity policy does not allow (docs/iam.md): AccessDeniedException,
     * HTTP 400, before any fault rule or state change; the refusal is journaled like any error.
     */
    private void authorize(IamEnforcement enforcement, RequestIdentity identity, Operation op,
                           Map<String, Object> body, Instant now) {
        String account = identity.account();
        String region = identity.region();
        IamCatalog.ResourceTags tags = enforcement.readsResourceTags()
                ? arn -> resourceTags(account, region, arn) : IamCatalog.ResourceTags.NONE;
        String denial = enforcement.deny(op.wireName(), body,
                new IamCatalog.Caller(account, region, identity.accessKeyId()), now, tags);
        if (denial != null) {
            throw new ServiceError(IamEnforcement.ACCESS_DENIED, 400, denial);
        }
    }

    /**
     * The tags of an existing resource, for {@code aws:ResourceTag/<key>}: what ListTags answers for
     * it, so every resource family with tags is covered; none for a resource ListTags refuses.
     */
    private Map<String, String> resourceTags(String account, String region, String arn) {
        Map<String, Object> answer;
        try {
            answer = backend.execute(Operation.LIST_TAGS, account, region, Map.of("ResourceArn", arn), null);
        } catch (ServiceError noTags) {
            return Map.of();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        if (answer.get("Tags") instanceof List<?> list) {
            for (Object t : list) {
                if (t instanceof Map<?, ?> tag && tag.get("Key") instanceof String k && tag.get("Value") instanceof String v) {
                    tags.put(k, v);
                }
            }
        }
        return tags;
    }

    private ProtocolResponse execute(String requestId, Instant arrived, long started, String operationName,
                                     RequestIdentity identity, Operation op, Map<String, Object> body,
                                     byte[] json, FaultRule fault) {
        FaultEffect effect = fault == null ? null : fault.effect();
        // An error or a connection fault replaces the answer: before the state change, the operation never runs.
        boolean replacesAnswer = effect instanceof FaultEffect.Error || effect instanceof FaultEffect.ConnectionFault;
        Map<String, Object> result = null;
        ServiceError error = null;
        if (!replacesAnswer || fault.phase() == FaultRule.Phase.AFTER_STATE_CHANGE) {
            try {
                result = backend.execute(op, identity.account(), identity.region(), body,
                        effect instanceof FaultEffect.FailProvisioning f ? f.failureReason() : null);
            } catch (ServiceError e) {
                error = e;
            } catch (RuntimeException e) { // a bug of ours: answer as the service would, never crash the caller
                error = WireErrors.internalFailure(e);
            }
        }
        ProtocolResponse response;
        if (effect instanceof FaultEffect.ConnectionFault connectionFault) {
            error = null;
            response = new ProtocolResponse.Broken(connectionFault, WireErrors.headers(requestId, WireErrors.JSON_1_1));
        } else if (effect instanceof FaultEffect.Error e) {
            error = new ServiceError(e.errorCode(), e.statusCode(), e.message());
            response = WireErrors.error(requestId, error);
        } else {
            response = error != null ? WireErrors.error(requestId, error) : success(requestId, result);
        }
        record(arrived, started, requestId, operationName, identity, body, json, response, error, fault);
        return response;
    }

    /** The stub of a well-formed request for an operation the fake does not serve, or null. */
    private OperationStub stubFor(ProtocolRequest request, String target) {
        if (target == null || !target.startsWith(TARGET_PREFIX) || !"POST".equals(request.method())
                || !"/".equals(request.path())) {
            return null;
        }
        String name = target.substring(TARGET_PREFIX.length());
        return Operation.fromWireName(name) == null ? stubs.get(name) : null;
    }

    /** Answers a stubbed operation (docs/stubbing.md) and journals it like any request. */
    private ProtocolResponse answerStub(String requestId, Instant arrived, long started, String operationName,
                                        RequestIdentity identity, OperationStub stub, Map<String, Object> body) {
        ServiceError error = null;
        ProtocolResponse response;
        try {
            StubAnswer answer = stub.answer(Json.write(body));
            if (answer == null) {
                throw new IllegalStateException("the stub of " + operationName + " answered null");
            }
            if (answer.isError()) {
                error = new ServiceError(answer.errorCode(), answer.statusCode(), answer.message());
                response = WireErrors.error(requestId, error);
            } else {
                response = success(requestId, answer.response());
            }
        } catch (RuntimeException e) { // the test's function failed: say so, as the service's InternalFailure
            error = new ServiceError("InternalFailure", 500, "The test's stub of " + operationName + " threw "
                    + ServiceError.echo(e) + "; see docs/stubbing.md.");
            response = WireErrors.error(requestId, error);
        }
        record(arrived, started, requestId, operationName, identity, body, null, response, error, null);
        return response;
    }

    /** One journal entry: a connection fault is recorded as status 0 with the fault's name as its error code. */
    private void record(Instant arrived, long started, String requestId, String operationName,
                        RequestIdentity identity, Map<String, Object> body, byte[] json,
                        ProtocolResponse response, ServiceError error, FaultRule fault) {
        String errorCode = response instanceof ProtocolResponse.Broken broken ? broken.fault().name()
                : error == null ? null : error.code();
        journal.record(arrived, requestId, operationName, identity.account(), identity.region(), body, json,
                response.statusCode(), errorCode, error == null ? null : error.getMessage(),
                fault == null ? null : fault.describe(), Duration.ofNanos(System.nanoTime() - started),
                response instanceof ProtocolResponse.Http http ? http.body() : null);
    }

    /**
     * The latency a rule asks for. On a manual clock it is observed through the clock, at once:
     * the clock moves, nobody waits.
     */
    private long latencyNanos(FaultRule fault) {
        long min = fault.minLatency().toNanos();
        long max = fault.maxLatency().toNanos();
        long nanos = max > min ? ThreadLocalRandom.current().nextLong(min, max + 1) : min;
        if (nanos > 0 && backend.clock().isManual()) {
            backend.clock().advance(Duration.ofNanos(nanos));
            return 0;
        }
        return nanos;
    }

    private static Operation route(ProtocolRequest request, String target) {
        if (!"POST".equals(request.method()) || !"/".equals(request.path())) {
            throw new ServiceError(ServiceError.UNKNOWN_OPERATION, 404, "The SageMaker API answers POST / only; got "
                    + ServiceError.echo(request.method()) + " " + ServiceError.echo(request.path()) + ". Point the client at the endpoint root.");
        }
        if (target == null || target.isBlank()) {
            throw new ServiceError(ServiceError.UNKNOWN_OPERATION, 400, "The request has no X-Amz-Target header; "
                    + "awsJson1_1 requests name their operation as X-Amz-Target: SageMaker.<Operation>.");
        }
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-amz-json-1.")) {
            throw new ServiceError(ServiceError.SERIALIZATION, 400, "Unsupported Content-Type '" + ServiceError.echo(contentType)
                    + "'; send application/x-amz-json-1.1.");
        }
        if (!target.startsWith(TARGET_PREFIX)) {
            throw new ServiceError(ServiceError.UNKNOWN_OPERATION, 400, "Unknown target " + ServiceError.echo(target)
                    + "; this endpoint serves SageMaker.<Operation>.");
        }
        String name = target.substring(TARGET_PREFIX.length());
        Operation op = Operation.fromWireName(name);
        if (op == null) {
            throw new ServiceError(ServiceError.UNKNOWN_OPERATION, 400, "Operation " + ServiceError.echo(name) + " is not served by the "
                    + "SageMaker Workforce Fake. It serves: " + Operation.servedNames() + ". To answer "
                    + ServiceError.echo(name) + " in a test, stub it: fake.stub(\"" + ServiceError.echo(name)
                    + "\", StubAnswer.json(\"{...}\")) in process, or POST /_fake/stubs {\"Operation\": \""
                    + ServiceError.echo(name) + "\", \"Response\": {...}} over HTTP (docs/stubbing.md).");
        }
        return op;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseBody(ProtocolRequest request) {
        byte[] bytes = request.body();
        if (bytes == null || bytes.length == 0) {
            return new LinkedHashMap<>(); // the SDK treats an absent body as {}; so does the fake
        }
        Object parsed;
        try {
            parsed = Json.parseRequest(bytes);
        } catch (Json.ParseException e) {
            throw new ServiceError(ServiceError.SERIALIZATION, 400, "The request body is not valid JSON: "
                    + e.getMessage());
        }
        if (!(parsed instanceof Map)) {
            throw new ServiceError(ServiceError.SERIALIZATION, 400,
                    "The request body must be a JSON object; found " + kind(parsed) + ".");
        }
        return (Map<String, Object>) parsed;
    }

    private static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        return value instanceof Boolean ? "a boolean" : "a number";
    }

    static ProtocolResponse success(String requestId, Map<String, Object> result) {
        return WireErrors.json(requestId, WireErrors.JSON_1_1, 200, result);
    }
}
