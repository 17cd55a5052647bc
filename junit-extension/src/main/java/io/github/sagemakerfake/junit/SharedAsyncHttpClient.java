package io.github.sagemakerfake.junit;

import java.util.Iterator;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpService;

/**
 * One async HTTP client (the SDK's default implementation, Netty unless configured otherwise) for
 * all HTTP-transport async clients of a test run, in the root context's store. Why shared: a Netty
 * client takes about two seconds to close (its event loop's quiet period), which a fake per test
 * would pay on every test. The SDK never closes an HTTP client it was given, so each injected
 * {@code SageMakerAsyncClient} still closes with its fake, while this one closes with the run.
 */
final class SharedAsyncHttpClient implements AutoCloseable {

    /** The SDK's own switch for choosing the async HTTP implementation, honoured here too. */
    static final String IMPLEMENTATION_PROPERTY = "software.amazon.awssdk.http.async.service.impl";

    /**
     * Guards the get-then-put on the root store, which concurrent tests may reach together. Not
     * state: the client itself lives in the store. ({@code Store.computeIfAbsent} would do, but
     * JUnit 5.13 lacks it and its predecessor is deprecated in JUnit 6.)
     */
    private static final Object CREATION_LOCK = new Object();

    private final SdkAsyncHttpClient client;

    private SharedAsyncHttpClient(SdkAsyncHttpClient client) {
        this.client = client;
    }

    static SdkAsyncHttpClient of(ExtensionContext context) {
        Store root = context.getRoot().getStore(Namespace.create(SharedAsyncHttpClient.class));
        synchronized (CREATION_LOCK) {
            SharedAsyncHttpClient shared = root.get(SharedAsyncHttpClient.class, SharedAsyncHttpClient.class);
            if (shared == null) {
                shared = new SharedAsyncHttpClient(load().createAsyncHttpClientFactory().build());
                root.put(SharedAsyncHttpClient.class, shared);
            }
            return shared.client;
        }
    }

    private static SdkAsyncHttpService load() {
        String chosen = System.getProperty(IMPLEMENTATION_PROPERTY);
        if (chosen != null) {
            try {
                return (SdkAsyncHttpService) Class.forName(chosen).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new ExtensionConfigurationException("System property " + IMPLEMENTATION_PROPERTY + "=" + chosen
                        + " names no SdkAsyncHttpService implementation on the classpath", e);
            }
        }
        Iterator<SdkAsyncHttpService> found = ServiceLoader.load(SdkAsyncHttpService.class).iterator();
        if (!found.hasNext()) {
            throw new ExtensionConfigurationException("An async client with transport = HTTP needs an async HTTP "
                    + "client implementation on the test classpath, such as software.amazon.awssdk:netty-nio-client.");
        }
        return found.next();
    }

    /** Closes in the background: the run should not wait out Netty's quiet period. */
    @Override
    public void close() {
        Thread closer = new Thread(client::close, "sagemaker-fake-async-http-close");
        closer.setDaemon(true);
        closer.start();
    }
}
