package io.github.sagemakerfake.internal.transport;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import java.util.Objects;
import java.util.function.Function;

/**
 * The transport-free {@link FakeEndpoint} behind a {@link SageMakerWorkforceFake}, for the project's
 * own modules that serve the same fake another way (the Spring module serves it over HTTP too). The
 * fake's public API does not name its internal endpoint; the fake hands this class an accessor when
 * it is initialized, as the JDK's own {@code SharedSecrets} do.
 */
public final class EndpointAccess {

    private static volatile Function<SageMakerWorkforceFake, FakeEndpoint> accessor;

    private EndpointAccess() {
    }

    /** Called once, by {@link SageMakerWorkforceFake}'s static initializer; later calls are refused. */
    public static synchronized void install(Function<SageMakerWorkforceFake, FakeEndpoint> endpointOf) {
        if (accessor != null) {
            throw new IllegalStateException("The endpoint accessor is installed already");
        }
        accessor = Objects.requireNonNull(endpointOf, "endpointOf");
    }

    /** The endpoint behind this fake: its state, journal, fault rules and clock. */
    public static FakeEndpoint of(SageMakerWorkforceFake fake) {
        Objects.requireNonNull(fake, "fake"); // an instance exists, so its class has installed the accessor
        return accessor.apply(fake);
    }
}
