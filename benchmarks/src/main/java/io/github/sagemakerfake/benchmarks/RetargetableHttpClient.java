package io.github.sagemakerfake.benchmarks;

import java.util.Objects;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An {@link SdkHttpClient} whose target can be swapped: one SDK client, built once, serves a new
 * fake per test. Models the fix proposed for the per-test cost in docs/benchmarks.md.
 */
final class RetargetableHttpClient implements SdkHttpClient {

    private volatile SdkHttpClient target;

    void target(SdkHttpClient next) {
        this.target = Objects.requireNonNull(next, "next");
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpClient current = target;
        if (current == null) {
            throw new IllegalStateException("no fake to send to");
        }
        return current.prepareRequest(request);
    }

    @Override
    public String clientName() {
        return "Retargetable";
    }

    @Override
    public void close() {
    }
}
