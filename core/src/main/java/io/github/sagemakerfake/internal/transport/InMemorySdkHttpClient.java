package io.github.sagemakerfake.internal.transport;

import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import io.github.sagemakerfake.internal.protocol.ProtocolResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An {@link SdkHttpClient} that hands the request bytes straight to the fake's protocol layer:
 * no socket, no thread hop. Plugged into the SDK's own client builder, so marshalling, signing,
 * retries and exception mapping are the SDK's.
 */
public final class InMemorySdkHttpClient implements SdkHttpClient {

    private final FakeEndpoint protocol;

    public InMemorySdkHttpClient(FakeEndpoint protocol) {
        this.protocol = protocol;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                byte[] body;
                if (request.contentStreamProvider().isPresent()) {
                    try (InputStream in = request.contentStreamProvider().get().newStream()) {
                        body = in.readAllBytes();
                    }
                } else {
                    body = new byte[0];
                }
                ProtocolResponse.Http response = InMemoryExchange.answerOrThrow(
                        protocol.handle(InMemoryExchange.toProtocol(request.httpRequest(), body)));
                return HttpExecuteResponse.builder()
                        .response(InMemoryExchange.toSdk(response))
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(response.body())))
                        .build();
            }

            @Override
            public void abort() {
                // Nothing runs in the background: the call completes on the caller's thread.
            }
        };
    }

    @Override
    public String clientName() {
        return "SageMakerWorkforceFakeInMemory";
    }

    @Override
    public void close() {
        // The protocol and backend belong to the fake, which outlives its clients.
    }
}
