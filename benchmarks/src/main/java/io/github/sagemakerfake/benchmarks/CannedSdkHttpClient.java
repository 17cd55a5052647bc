package io.github.sagemakerfake.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;

/**
 * The SDK floor: an {@link SdkHttpClient} that answers each operation with a pre-encoded response
 * and does no service work at all. It drains the request body (any HTTP client writes it) and
 * returns the same bytes and headers the fake would, so the SDK marshals, signs and unmarshals
 * exactly what it does against the fake. What is left between the two is the fake's own cost.
 */
public final class CannedSdkHttpClient implements SdkHttpClient {

    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

    /** Answers requests whose {@code X-Amz-Target} is {@code target} with 200 and {@code body}. */
    public CannedSdkHttpClient answer(String target, byte[] body) {
        bodies.put(target, body.clone());
        return this;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                if (request.contentStreamProvider().isPresent()) {
                    try (InputStream in = request.contentStreamProvider().get().newStream()) {
                        in.readAllBytes();
                    }
                }
                String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
                byte[] body = bodies.get(target);
                if (body == null) {
                    throw new IOException("no canned answer for " + target);
                }
                SdkHttpFullResponse response = SdkHttpFullResponse.builder()
                        .statusCode(200)
                        .putHeader("Content-Type", "application/x-amz-json-1.1")
                        .putHeader("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000")
                        .putHeader("Content-Length", Integer.toString(body.length))
                        .build();
                return HttpExecuteResponse.builder()
                        .response(response)
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public String clientName() {
        return "Canned";
    }

    @Override
    public void close() {
    }

    /**
     * Wraps another client and keeps the last response body per {@code X-Amz-Target}, to capture
     * the fake's real answers for {@link CannedSdkHttpClient#answer}.
     */
    public static final class Recorder implements SdkHttpClient {
        private final SdkHttpClient delegate;
        public final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

        public Recorder(SdkHttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            ExecutableHttpRequest inner = delegate.prepareRequest(request);
            String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    HttpExecuteResponse response = inner.call();
                    byte[] body;
                    try (InputStream in = response.responseBody().orElseThrow()) {
                        body = in.readAllBytes();
                    }
                    if (response.httpResponse().isSuccessful()) {
                        bodies.put(target, body);
                    }
                    return HttpExecuteResponse.builder()
                            .response(response.httpResponse())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                            .build();
                }

                @Override
                public void abort() {
                    inner.abort();
                }
            };
        }

        @Override
        public String clientName() {
            return "Recorder";
        }

        @Override
        public void close() {
        }
    }
}
