package io.github.sagemakerfake.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a fresh SageMaker workforce fake: a new fake for every test by
 * default, with genuine AWS SDK clients injected as parameters or fields.
 *
 * <pre>{@code
 * @SageMakerWorkforceTest(maxWorkteams = 3)
 * class ProvisionerTest {
 *
 *     @Test
 *     void stopsAtTheServiceLimit(SageMakerClient sageMaker, FakeControl fake) {
 *         Provisioner provisioner = new Provisioner(sageMaker);
 *         assertThatThrownBy(() -> provisioner.createTeams("team", 4))
 *                 .isInstanceOf(ResourceLimitExceededException.class);
 *         assertThat(fake.state().workteamNames()).hasSize(3);
 *     }
 * }
 * }</pre>
 *
 * <h2>Configuration: three levels</h2>
 * Every attribute's default is a sentinel meaning "not set here". A value is taken from, in order:
 * <ol>
 *   <li>this annotation on the test class, then on its enclosing classes ({@code @Nested} classes
 *       inherit from the classes around them, attribute by attribute);</li>
 *   <li>the JUnit configuration parameter {@code sagemaker.fake.<attribute>}, e.g. in
 *       {@code junit-platform.properties}: {@code sagemaker.fake.region=eu-west-1};</li>
 *   <li>the built-in default, which is the service's own behaviour.</li>
 * </ol>
 *
 * <h2>Injection</h2>
 * Parameters of test methods, lifecycle methods and constructors are injected by type:
 * {@code SageMakerClient}, {@code SageMakerAsyncClient}, {@code FakeControl},
 * {@code SageMakerWorkforceFake} (in process only), {@link SageMakerFakeRuntime}, and a
 * {@code java.net.URI} annotated {@link SageMakerEndpoint @SageMakerEndpoint} (HTTP only). Fields of
 * those types are injected when annotated {@link InjectSageMaker @InjectSageMaker} (or, for the URI,
 * {@code @SageMakerEndpoint}): static fields before all tests, instance fields before each test,
 * including the outer instances of {@code @Nested} classes. Everything injected into one test talks
 * to the same fake, and clients are closed when the fake's scope ends.
 *
 * <p>The extension keeps all its state in JUnit's {@code ExtensionContext.Store}, so it is safe with
 * {@code @Nested} classes, shared base classes and parallel execution.
 *
 * @see SageMakerSeed
 * @see InjectSageMaker
 * @see SageMakerEndpoint
 * @see SageMakerFakeRuntime
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SageMakerWorkforceExtension.class)
public @interface SageMakerWorkforceTest {

    /** The configuration parameter prefix: {@code sagemaker.fake.} followed by the attribute name. */
    String CONFIGURATION_PREFIX = "sagemaker.fake.";

    /** The region of the injected clients and of the fake's default state; default {@code us-east-1}. Key {@code sagemaker.fake.region}. */
    String region() default "";

    /**
     * The 12-digit account of the injected clients and of the fake's default state; default
     * {@code 123456789012}. Key {@code sagemaker.fake.account}. The injected credentials use it as
     * access key id, which is how the fake tells accounts apart.
     */
    String account() default "";

    /** Work teams allowed per account and region; 0 (the default) means not set here, built-in 25. Key {@code sagemaker.fake.maxWorkteams}. */
    int maxWorkteams() default 0;

    /** CIDRs allowed in a workforce's SourceIpConfig; 0 (the default) means not set here, built-in 10. Key {@code sagemaker.fake.maxCidrs}. */
    int maxCidrs() default 0;

    /** Tags allowed on one resource; 0 (the default) means not set here, built-in 50. Key {@code sagemaker.fake.maxTagsPerResource}. */
    int maxTagsPerResource() default 0;

    /**
     * Freezes the fake's clock at this instant (ISO-8601, such as {@code "2024-01-01T00:00:00Z"}): it
     * then moves only with {@code FakeControl.advanceClock(...)}, so timestamps are exact and a
     * provisioning delay never passes by itself. Built-in: the wall clock. Key
     * {@code sagemaker.fake.frozenClock}.
     */
    String frozenClock() default "";

    /**
     * With {@link Transport#HTTP}, the loopback port of the fake's server: 0 picks a free port (the
     * built-in default), which is what parallel tests need; a fixed port suits code under test that
     * has the endpoint in its own configuration. -1 (the default) means not set here. Key
     * {@code sagemaker.fake.port}.
     */
    int port() default -1;

    /**
     * How the injected clients wait between retries. Built-in {@link RetryBackoff#IMMEDIATE}: the
     * SDK's own retry strategy (its attempts and retry conditions) without the waits, so a test
     * that injects throttling sees every attempt in the journal at no cost in time. Key
     * {@code sagemaker.fake.retryBackoff}.
     */
    RetryBackoff retryBackoff() default RetryBackoff.DEFAULT;

    /**
     * What happens when a test ends with a fault rule that never fired (an unnecessary stubbing, in
     * Mockito's words): built-in {@link UnusedFaultRules#FAIL}, which fails the test naming the rule
     * (after, and never instead of, the test's own failure). Key {@code sagemaker.fake.unusedFaultRules}.
     */
    UnusedFaultRules unusedFaultRules() default UnusedFaultRules.DEFAULT;

    /**
     * How long a workforce stays {@code Initializing}/{@code Updating}/{@code Deleting}, in the text
     * form of {@code io.github.sagemakerfake.control.Lifecycle}: {@code "IMMEDIATE"},
     * {@code "OBSERVED(n)"} (until n DescribeWorkforce/ListWorkforces reads have shown the status)
     * or {@code "TIMED(PT5M)"} (on the fake clock; move it with {@code FakeControl.advanceClock(...)}).
     * Built-in {@code "OBSERVED(1)"}: the first read after a change shows the transitional status,
     * the next the settled one. Key {@code sagemaker.fake.lifecycle}.
     */
    String lifecycle() default "";

    /**
     * The first releases' setting, kept as an alias of {@link #lifecycle()}: a duration as ISO-8601
     * ({@code "PT5S"}) or milliseconds; zero is {@code IMMEDIATE}, any other D is {@code TIMED(D)}.
     * Key {@code sagemaker.fake.provisioningDelay}. Setting both is an error.
     *
     * @deprecated use {@link #lifecycle()}, e.g. {@code lifecycle = "TIMED(PT5S)"}
     */
    @Deprecated
    String provisioningDelay() default "";

    /** How clients reach the fake; built-in {@link Transport#IN_PROCESS}. Key {@code sagemaker.fake.transport}. */
    Transport transport() default Transport.DEFAULT;

    /** Which tests share a fake; built-in {@link Isolation#PER_TEST}. Key {@code sagemaker.fake.isolation}. */
    Isolation isolation() default Isolation.DEFAULT;

    /**
     * Seed documents (JSON classpath resources) applied to every new fake, in order. A path without
     * a leading {@code /} is relative to the package of the class carrying this annotation. Seeds of
     * enclosing classes come first, then these, then a test method's {@link SageMakerSeed}.
     * Key {@code sagemaker.fake.seed}: comma-separated absolute resources, applied before all others.
     */
    String[] seed() default {};

    /**
     * An IAM identity policy (a JSON classpath resource) every new fake enforces for its callers
     * (docs/iam.md): a call it does not allow answers {@code AccessDeniedException}, HTTP 400, in AWS's
     * words. A path without a leading {@code /} is relative to the package of the class carrying this
     * annotation; the nearest annotation's policy wins. A policy the fake cannot read fails the class
     * with its place and reason. Key {@code sagemaker.fake.iamPolicy}: an absolute resource.
     */
    String iamPolicy() default "";

    /**
     * Write the least-privilege IAM policy the class's tests needed (docs/iam.md) to the report
     * directory ({@code target/sagemaker-fake-reports}), one file per account and region:
     * {@code <class>.required-policy.<account>.<region>.json}, the union over the class's tests.
     * Key {@code sagemaker.fake.requiredPolicyReport} ({@code true} for every class).
     */
    boolean requiredPolicyReport() default false;

    /**
     * With {@link Transport#HTTP}, also point the AWS SDK's global configuration at the fake while it
     * lives: the system properties {@code aws.endpointUrlSageMaker} (SDK 2.28.1 and later),
     * {@code aws.region}, {@code aws.accessKeyId} and {@code aws.secretAccessKey}, restored afterwards.
     * Code under test that builds its own client with {@code SageMakerClient.create()} then reaches
     * the fake unchanged.
     *
     * <p>System properties are global to the JVM, so such a class must also declare JUnit's lock
     * for them, {@code @ResourceLock(Resources.SYSTEM_PROPERTIES)}: under parallel execution such
     * classes then run one at a time, while every other test keeps running in parallel. The
     * extension refuses the class with an {@code ExtensionConfigurationException} when the lock is
     * missing. (JUnit 5.12 could add the lock by itself through a resource-locks provider, but that
     * attribute breaks the annotation on JUnit 5.10 and 5.11, which this extension supports.)
     */
    boolean setSystemProperties() default false;

    /** How the clients reach the fake. */
    enum Transport {
        /** Not set here: use the configuration parameter, else {@link #IN_PROCESS}. */
        DEFAULT,
        /**
         * Genuine SDK clients with an in-memory HTTP client: no socket, microseconds per call. Code
         * under test must accept an injected client (or the fake's client builder).
         */
        IN_PROCESS,
        /**
         * A server on a free loopback port serves the fake over the real awsJson1_1 wire; the
         * injected clients use the SDK's default HTTP client. For code under test that builds its
         * own client: give it the {@link SageMakerEndpoint endpoint} and the
         * {@linkplain SageMakerFakeRuntime#credentialsProvider() credentials}, or set
         * {@link SageMakerWorkforceTest#setSystemProperties()}.
         */
        HTTP
    }

    /** How the injected clients wait between retry attempts. */
    enum RetryBackoff {
        /** Not set here: use the configuration parameter, else {@link #IMMEDIATE}. */
        DEFAULT,
        /**
         * The SDK's default retry strategy for the client's retry mode (same maximum attempts, same
         * retry and throttling conditions, same retry quota) with zero delay between attempts.
         */
        IMMEDIATE,
        /** The SDK's default retry strategy unchanged, real backoff included (as in production). */
        SDK_DEFAULT
    }

    /** What a fault rule that never fired during a test does to that test. */
    enum UnusedFaultRules {
        /** Not set here: use the configuration parameter, else {@link #FAIL}. */
        DEFAULT,
        /** The test fails, naming each rule that never fired. */
        FAIL,
        /** Unused rules pass silently. */
        IGNORE
    }

    /** Which tests share a fake. */
    enum Isolation {
        /** Not set here: use the configuration parameter, else {@link #PER_TEST}. */
        DEFAULT,
        /** A fresh fake for every test method (and every invocation of a parameterized or repeated test). */
        PER_TEST,
        /**
         * One fake for all tests of the class carrying the annotation, including its {@code @Nested}
         * classes that carry none; needed for static fields and {@code @BeforeAll} parameters. Tests
         * that run concurrently within such a class share its state.
         */
        PER_CLASS
    }
}
