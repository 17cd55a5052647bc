package io.github.sagemakerfake.spring;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * The in-memory transport of a replaced client, bound to its context's fake once Spring hands the
 * context over (see {@link FakeClientOverrideHandler}). Closing a client leaves the fake's own
 * transport open: the fake closes it.
 */
final class LateBoundTransport {

    private final String beanName;
    private volatile SageMakerWorkforceFake fake;

    LateBoundTransport(String beanName) {
        this.beanName = beanName;
    }

    void bind(SageMakerWorkforceFake boundFake) {
        this.fake = boundFake;
    }

    private SageMakerWorkforceFake fake() {
        SageMakerWorkforceFake bound = fake;
        if (bound == null) {
            throw new IllegalStateException("The SageMaker client bean '" + beanName + "' was used before its test "
                    + "context's fake was ready");
        }
        return bound;
    }

    SdkHttpClient sync() {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                return fake().httpClient().prepareRequest(request);
            }

            @Override
            public String clientName() {
                return "SageMakerWorkforceFakeSpring";
            }

            @Override
            public void close() {
                // The fake owns the in-memory transport.
            }
        };
    }

    SdkAsyncHttpClient async() {
        return new SdkAsyncHttpClient() {
            @Override
            public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
                return fake().asyncHttpClient().execute(request);
            }

            @Override
            public String clientName() {
                return "SageMakerWorkforceFakeSpring";
            }

            @Override
            public void close() {
                // The fake owns the in-memory transport.
            }
        };
    }
}
