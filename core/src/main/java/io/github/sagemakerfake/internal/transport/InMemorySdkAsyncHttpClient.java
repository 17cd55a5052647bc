package io.github.sagemakerfake.internal.transport;

import io.github.sagemakerfake.internal.protocol.Authenticator;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import io.github.sagemakerfake.internal.protocol.PendingResponse;
import io.github.sagemakerfake.internal.protocol.RequestIds;
import io.github.sagemakerfake.internal.protocol.ProtocolResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;

/**
 * An {@link SdkAsyncHttpClient} over the fake's protocol layer: it drains the request publisher,
 * answers, and publishes the response body as one buffer, honouring the subscriber's demand.
 */
public final class InMemorySdkAsyncHttpClient implements SdkAsyncHttpClient {

    private final FakeEndpoint protocol;

    public InMemorySdkAsyncHttpClient(FakeEndpoint protocol) {
        this.protocol = protocol;
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SdkAsyncHttpResponseHandler handler = request.responseHandler();
        SdkHttpContentPublisher content = request.requestContentPublisher();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        content.subscribe(new Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                body.write(bytes, 0, bytes.length);
            }

            @Override
            public void onError(Throwable t) {
                handler.onError(t);
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                respond(request, body.toByteArray(), handler, done);
            }
        });
        return done;
    }

    private void respond(AsyncExecuteRequest request, byte[] body, SdkAsyncHttpResponseHandler handler,
                         CompletableFuture<Void> done) {
        PendingResponse pending;
        try {
            pending = protocol.accept(InMemoryExchange.toProtocol(request.request(), body), RequestIds.next(),
                    Authenticator.ANY);
        } catch (RuntimeException e) {
            handler.onError(e);
            done.completeExceptionally(e);
            return;
        }
        if (pending.delayNanos() > 0) {
            // A latency fault holds no thread: a timer completes the call when it is due.
            CompletableFuture.delayedExecutor(pending.delayNanos(), TimeUnit.NANOSECONDS)
                    .execute(() -> complete(pending, handler, done));
        } else {
            complete(pending, handler, done);
        }
    }

    private static void complete(PendingResponse pending, SdkAsyncHttpResponseHandler handler,
                                 CompletableFuture<Void> done) {
        ProtocolResponse.Http response;
        try {
            response = InMemoryExchange.answerOrThrow(pending.complete());
        } catch (RuntimeException | IOException e) {
            handler.onError(e);
            done.completeExceptionally(e);
            return;
        }
        handler.onHeaders(InMemoryExchange.toSdk(response));
        handler.onStream(subscriber -> subscriber.onSubscribe(new Subscription() {
            private final AtomicBoolean sent = new AtomicBoolean();

            @Override
            public void request(long n) {
                if (n <= 0) {
                    subscriber.onError(new IllegalArgumentException("Reactive Streams §3.9: demand must be positive"));
                    return;
                }
                if (sent.compareAndSet(false, true)) {
                    if (response.body().length > 0) {
                        subscriber.onNext(ByteBuffer.wrap(response.body()));
                    }
                    subscriber.onComplete();
                    done.complete(null);
                }
            }

            @Override
            public void cancel() {
                if (sent.compareAndSet(false, true)) {
                    done.complete(null);
                }
            }
        }));
    }

    @Override
    public String clientName() {
        return "SageMakerWorkforceFakeInMemoryAsync";
    }

    @Override
    public void close() {
        // The protocol and backend belong to the fake, which outlives its clients.
    }
}
