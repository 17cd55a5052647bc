package io.github.sagemakerfake.junit;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import java.lang.reflect.AnnotatedElement;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClientBuilder;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClientBuilder;

/**
 * The types the extension injects, one constant each, as Mockito keeps one resolver per injectable
 * type. Parameters are matched by type; fields need {@link InjectSageMaker} (or, for the URI,
 * {@link SageMakerEndpoint}), as {@code @TempDir} fields do.
 */
enum Injectable {

    CLIENT(SageMakerClient.class) {
        @Override
        Object valueFrom(FakeScope scope, String target) {
            return scope.client();
        }
    },

    ASYNC_CLIENT(SageMakerAsyncClient.class) {
        @Override
        Object valueFrom(FakeScope scope, String target) {
            return scope.asyncClient();
        }
    },

    CONTROL(FakeControl.class) {
        @Override
        Object valueFrom(FakeScope scope, String target) {
            return scope.control();
        }
    },

    FAKE(SageMakerWorkforceFake.class) {
        @Override
        Object valueFrom(FakeScope scope, String target) {
            if (scope.inProcessFake() == null) {
                throw new ExtensionConfigurationException(target + ": a SageMakerWorkforceFake exists only with the "
                        + "IN_PROCESS transport, but the transport is HTTP (" + scope.configuration().transportSource()
                        + "). Inject FakeControl instead: the same control surface (state, journal, faults, clock, "
                        + "reset) with either transport.");
            }
            return scope.inProcessFake();
        }
    },

    RUNTIME(SageMakerFakeRuntime.class) {
        @Override
        Object valueFrom(FakeScope scope, String target) {
            return scope.runtime();
        }
    },

    ENDPOINT(URI.class) {
        @Override
        Object valueFrom(FakeScope scope, String target) {
            if (scope.endpoint() == null) {
                throw new ExtensionConfigurationException(target + ": @SageMakerEndpoint needs transport = HTTP, but "
                        + "the transport is " + Transport.IN_PROCESS + " (" + scope.configuration().transportSource()
                        + "), where clients reach the fake without a socket. Add transport = Transport.HTTP to "
                        + "@SageMakerWorkforceTest, or inject a SageMakerClient.");
            }
            return scope.endpoint();
        }
    };

    private final Class<?> type;

    Injectable(Class<?> type) {
        this.type = type;
    }

    abstract Object valueFrom(FakeScope scope, String target);

    /** True when a parameter is ours: one of our types, or carrying one of our annotations. */
    static boolean claims(AnnotatedElement element, Class<?> declaredType) {
        return byType(declaredType).isPresent()
                || AnnotationSupport.isAnnotated(element, SageMakerEndpoint.class)
                || AnnotationSupport.isAnnotated(element, InjectSageMaker.class);
    }

    /** What to inject into a parameter or an annotated field, or a message saying what would work. */
    static Injectable of(AnnotatedElement element, Class<?> declaredType, String target) {
        if (AnnotationSupport.isAnnotated(element, SageMakerEndpoint.class)) {
            if (declaredType != URI.class) {
                throw new ExtensionConfigurationException(target + ": @SageMakerEndpoint goes on a java.net.URI, not "
                        + declaredType.getName() + ". Declare it as URI (and call toString() where text is needed).");
            }
            return ENDPOINT;
        }
        return byType(declaredType).orElseThrow(() -> new ExtensionConfigurationException(target + ": "
                + declaredType.getName() + " cannot be injected by @SageMakerWorkforceTest. Supported types: "
                + supportedTypes() + ", and java.net.URI annotated @SageMakerEndpoint."));
    }

    /**
     * Parameter types a user may reasonably ask for that are not injected; claimed only to answer
     * them with what to do instead.
     */
    static boolean isMistakenFor(Class<?> declaredType) {
        return declaredType == SageMakerClientBuilder.class || declaredType == SageMakerAsyncClientBuilder.class
                || declaredType == URI.class;
    }

    /** Throws a {@link ParameterResolutionException} saying what to use instead, for the types above. */
    static void rejectMistakes(AnnotatedElement element, Class<?> declaredType, String target) {
        if (declaredType == SageMakerClientBuilder.class || declaredType == SageMakerAsyncClientBuilder.class) {
            String async = declaredType == SageMakerAsyncClientBuilder.class ? "async" : "";
            throw new ParameterResolutionException(target + ": a " + declaredType.getSimpleName() + " is not injected, "
                    + "because every build() makes a client that its caller must close. Inject SageMakerFakeRuntime "
                    + "and call runtime." + (async.isEmpty() ? "clientBuilder()" : "asyncClientBuilder()")
                    + " (already wired to the fake: endpoint, region, credentials), or inject a ready "
                    + (async.isEmpty() ? "SageMakerClient" : "SageMakerAsyncClient") + ", which is closed for you.");
        }
        if (declaredType == URI.class && !AnnotationSupport.isAnnotated(element, SageMakerEndpoint.class)) {
            throw new ParameterResolutionException(target + ": a URI is injected only when annotated "
                    + "@SageMakerEndpoint (the fake's HTTP endpoint, with transport = HTTP). Write "
                    + "'@SageMakerEndpoint URI endpoint'.");
        }
    }

    private static Optional<Injectable> byType(Class<?> declaredType) {
        return Arrays.stream(values()).filter(i -> i != ENDPOINT && i.type == declaredType).findFirst();
    }

    static String supportedTypes() {
        return Arrays.stream(values()).filter(i -> i != ENDPOINT).map(i -> i.type.getSimpleName())
                .collect(Collectors.joining(", "));
    }
}
