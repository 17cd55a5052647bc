package io.github.sagemakerfake.spring;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.SingletonBeanRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.test.context.bean.override.BeanOverrideHandler;
import org.springframework.test.context.bean.override.BeanOverrideStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Replaces the context's {@code SageMakerClient} (or {@code SageMakerAsyncClient}) bean, or adds one,
 * with a genuine SDK client wired to the context's fake in process.
 *
 * <p>Spring creates the override instance before it hands over the context's bean registry, and the
 * fake lives in that registry (one per context, while this handler belongs to the test class and
 * is shared by every context made for it). So the client is built on a transport that is bound to
 * the context's fake a moment later, in {@link #trackOverrideInstance}, before any bean can use it.
 */
final class FakeClientOverrideHandler extends BeanOverrideHandler {

    enum Kind {
        SYNC(SageMakerClient.class), ASYNC(SageMakerAsyncClient.class);

        final Class<?> type;

        Kind(Class<?> type) {
            this.type = type;
        }
    }

    private final Kind kind;
    private final String account;
    private final String region;
    /** Clients created and not yet bound: filled and emptied within one call by Spring. */
    private final Map<Object, LateBoundTransport> unbound = Collections.synchronizedMap(new IdentityHashMap<>());

    FakeClientOverrideHandler(Kind kind, String account, String region) {
        super(null, ResolvableType.forClass(kind.type), null, "", BeanOverrideStrategy.REPLACE_OR_CREATE);
        this.kind = kind;
        this.account = account;
        this.region = region;
    }

    @Override
    protected Object createOverrideInstance(String beanName, BeanDefinition existingBeanDefinition,
                                            Object existingBeanInstance) {
        LateBoundTransport transport = new LateBoundTransport(beanName);
        Object client = switch (kind) {
            case SYNC -> SageMakerClient.builder()
                    .httpClient(transport.sync())
                    .region(Region.of(region))
                    .credentialsProvider(SageMakerWorkforceFake.credentialsFor(account))
                    .build();
            case ASYNC -> SageMakerAsyncClient.builder()
                    .httpClient(transport.async())
                    .region(Region.of(region))
                    .credentialsProvider(SageMakerWorkforceFake.credentialsFor(account))
                    .build();
        };
        unbound.put(client, transport);
        return client;
    }

    @Override
    protected void trackOverrideInstance(Object override, SingletonBeanRegistry registry) {
        LateBoundTransport transport = unbound.remove(override);
        if (transport == null) {
            throw new IllegalStateException("@EnableSageMakerWorkforceFake: no transport for " + override);
        }
        if (!(registry.getSingleton(ContextFake.BEAN_NAME) instanceof ContextFake contextFake)) {
            throw new IllegalStateException("@EnableSageMakerWorkforceFake found no fake in the test's context: "
                    + "META-INF/spring.factories of sagemaker-workforce-fake-spring was not read. Keep that file when "
                    + "repackaging the test classpath (a shaded jar must merge spring.factories).");
        }
        transport.bind(contextFake.fake());
        contextFake.closeWithContext((SdkAutoCloseable) override);
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && other instanceof FakeClientOverrideHandler that && kind == that.kind
                && account.equals(that.account) && region.equals(that.region);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), kind, account, region);
    }

    @Override
    public String toString() {
        return "FakeClientOverrideHandler[" + kind.type.getSimpleName() + ", account=" + account + ", region=" + region
                + ", " + super.toString() + "]";
    }
}
