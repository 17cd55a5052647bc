package io.github.sagemakerfake.spring;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.server.SageMakerWorkforceServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The fake of one {@code ApplicationContext}, with its HTTP server when it serves one and the
 * clients that replaced the application's: created before the context refreshes, reset before
 * every test, closed with the context.
 */
final class ContextFake implements AutoCloseable {

    /** Where the context keeps this holder; the listener and the bean overrides look it up by name. */
    static final String BEAN_NAME = "io.github.sagemakerfake.spring.internalContextFake";
    /** The bean of type {@code SageMakerWorkforceFake} (and {@code FakeControl}) in the context. */
    static final String FAKE_BEAN_NAME = "sageMakerWorkforceFake";
    /** The secret key that goes with the account as access key id; the fake checks no signature. */
    static final String SECRET_KEY = "fake-secret-key";

    private final FakeContextSettings settings;
    private final SageMakerWorkforceFake fake;
    private final SageMakerWorkforceServer server;
    private final List<SdkAutoCloseable> clients = new CopyOnWriteArrayList<>();

    ContextFake(FakeContextSettings settings) {
        this.settings = settings;
        this.fake = SageMakerWorkforceFake.create(settings.fakeSettings());
        if (settings.iamPolicy() != null) {
            fake.setIamPolicy(settings.iamPolicy().json()); // kept by reset(): a policy is configuration
        }
        applySeeds();
        this.server = settings.serveHttp() ? SageMakerWorkforceServer.start(fake) : null;
    }

    SageMakerWorkforceFake fake() {
        return fake;
    }

    /** Forgets every resource, the journal and the fault rules, then applies the seeds again. */
    void reset() {
        fake.reset();
        applySeeds();
    }

    private void applySeeds() {
        for (FakeContextSettings.Seed seed : settings.seeds()) {
            try {
                fake.seed(seed.json());
            } catch (RuntimeException e) {
                throw new IllegalStateException("@EnableSageMakerWorkforceFake: the seed " + seed.resource()
                        + " was refused: " + e.getMessage() + " (see docs/seeding.md)", e);
            }
        }
    }

    /** A client that replaced one of the application's, closed with the context. */
    void closeWithContext(SdkAutoCloseable client) {
        clients.add(client);
    }

    /** What the Environment carries: the fake's coordinates, and the URL in each endpoint property. */
    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(EnableSageMakerWorkforceFake.REGION_PROPERTY, settings.region());
        properties.put(EnableSageMakerWorkforceFake.ACCOUNT_PROPERTY, settings.account());
        properties.put(EnableSageMakerWorkforceFake.ACCESS_KEY_PROPERTY, settings.account());
        properties.put(EnableSageMakerWorkforceFake.SECRET_KEY_PROPERTY, SECRET_KEY);
        if (server != null) {
            String url = server.endpoint().toString();
            properties.put(EnableSageMakerWorkforceFake.ENDPOINT_PROPERTY, url);
            for (String property : settings.endpointProperties()) {
                properties.put(property, url);
            }
        }
        return properties;
    }

    @Override
    public void close() {
        for (SdkAutoCloseable client : clients) {
            client.close();
        }
        clients.clear();
        if (server != null) {
            server.close();
        }
        fake.close();
    }

    @Override
    public String toString() {
        return "ContextFake[" + settings + (server != null ? ", " + server.endpoint() : "") + "]";
    }
}
