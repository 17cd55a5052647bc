package io.github.sagemakerfake.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.bean.override.BeanOverride;

/**
 * Gives a Spring test's {@code ApplicationContext} its own SageMaker workforce fake: one annotation
 * on a {@code @SpringBootTest} (or any Spring TestContext test) class.
 *
 * <pre>{@code
 * @SpringBootTest
 * @EnableSageMakerWorkforceFake
 * class WorkteamServiceTest {
 *
 *     @Autowired WorkteamService service;   // built on the application's SageMakerClient bean
 *     @Autowired FakeControl fake;
 *
 *     @Test
 *     void createsTheTeam() {
 *         service.createTeam("labelers");
 *         assertThat(fake).hasWorkteam("labelers");
 *     }
 * }
 * }</pre>
 *
 * <h2>One fake per context, reset before every test</h2>
 * The fake lives with the test's {@code ApplicationContext}: it is created when the context is, is
 * cached with it (so test classes with the same configuration and the same attributes here share
 * both), and is closed with it ({@code @DirtiesContext} included). Different attributes make a
 * different context. Before every test method its state, journal and fault rules are reset and the
 * {@link #seed() seeds} applied again, so a cached context never carries one test's resources into
 * the next. The fake clock is not wound back: time only moves forward.
 *
 * <p>The context holds the fake as a bean of type {@code SageMakerWorkforceFake}, which is also its
 * {@code FakeControl}. Classes that share a context share its fake: run such classes one after the
 * other (the default), not concurrently; classes with their own contexts run in parallel freely.
 *
 * <h2>The application's clients</h2>
 * With {@link #replaceClients()} (the default) the context's {@code SageMakerClient} and
 * {@code SageMakerAsyncClient} beans are replaced, the way {@code @MockitoBean} replaces a bean
 * (through Spring's Bean Override support), by genuine SDK clients wired to the fake in process,
 * before any bean that depends on them is created; the application's own {@code @Bean} method for
 * them is never called. A context without such a bean gets one.
 *
 * <p>For an application that builds its own client from properties, list them in
 * {@link #endpointProperties()}: the fake then also serves HTTP on a free loopback port for the
 * context's lifetime, and each listed property is set to its URL. The {@code Environment} always
 * carries {@value #REGION_PROPERTY}, {@value #ACCOUNT_PROPERTY}, {@value #ACCESS_KEY_PROPERTY} and
 * {@value #SECRET_KEY_PROPERTY}, and {@value #ENDPOINT_PROPERTY} while serving HTTP, so test
 * properties can say {@code my.key=${sagemaker.fake.access-key}}.
 *
 * <p>Inherited by subclasses and, as Spring's {@code @NestedTestConfiguration} default
 * {@code INHERIT} says, by {@code @Nested} classes; the nearest declaration wins as a whole.
 * Needs Spring Framework 6.2.6 or later (Spring Boot 3.4.5 or later), or 7.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BeanOverride(FakeClientOverrideProcessor.class)
public @interface EnableSageMakerWorkforceFake {

    /** The property holding the fake's base URL while it serves HTTP, e.g. {@code http://127.0.0.1:54321}. */
    String ENDPOINT_PROPERTY = "sagemaker.fake.endpoint";
    /** The property holding the fake's default region. */
    String REGION_PROPERTY = "sagemaker.fake.region";
    /** The property holding the fake's default account. */
    String ACCOUNT_PROPERTY = "sagemaker.fake.account";
    /** The property holding the access key id that selects the default account (the account itself). */
    String ACCESS_KEY_PROPERTY = "sagemaker.fake.access-key";
    /** The property holding a secret key to go with it; the fake checks no signature. */
    String SECRET_KEY_PROPERTY = "sagemaker.fake.secret-key";

    /**
     * Replace the context's {@code SageMakerClient} and {@code SageMakerAsyncClient} beans (or add
     * them) with clients wired to the fake. Default {@code true}.
     */
    boolean replaceClients() default true;

    /**
     * Properties to set to the fake's HTTP URL, e.g. {@code "labeling.sagemaker.endpoint"}. Any entry
     * makes the fake serve HTTP on a free loopback port while the context lives. These values take
     * precedence over every other property source.
     */
    String[] endpointProperties() default {};

    /**
     * Serve HTTP on a free loopback port even without {@link #endpointProperties()}, for properties that
     * refer to {@code ${sagemaker.fake.endpoint}} themselves. Default {@code false}.
     */
    boolean serveHttp() default false;

    /** The region of the replaced clients and of the fake's default state. */
    String region() default "us-east-1";

    /** The 12-digit account of the replaced clients and of the fake's default state. */
    String account() default "123456789012";

    /** Work teams allowed per account and region (the service's limit: 25). */
    int maxWorkteams() default 25;

    /** CIDRs allowed in a workforce's source IP configuration (the service's limit: 10). */
    int maxCidrs() default 10;

    /** Tags allowed on one resource (the service's limit: 50). */
    int maxTagsPerResource() default 50;

    /**
     * How long a workforce stays {@code Initializing}/{@code Updating}/{@code Deleting}, in the text
     * form of {@code io.github.sagemakerfake.control.Lifecycle}: {@code "IMMEDIATE"},
     * {@code "OBSERVED(n)"} (until n DescribeWorkforce/ListWorkforces reads have shown the status)
     * or {@code "TIMED(PT5M)"} (on the fake clock; move it with {@code FakeControl.advanceClock(...)}).
     * Empty (the default) means the fake's default, {@code "OBSERVED(1)"}: the first read after a
     * change shows the transitional status, the next the settled one.
     */
    String lifecycle() default "";

    /**
     * Seed documents (JSON classpath resources, format in docs/seeding.md) applied, in order, when
     * the fake is created and again after every reset. A path without a leading {@code /} is
     * relative to the package of the class carrying this annotation.
     */
    String[] seed() default {};

    /**
     * An IAM identity policy (a JSON classpath resource) the fake enforces for every caller
     * (docs/iam.md): a call it does not allow answers {@code AccessDeniedException}, HTTP 400, in AWS's
     * words. A path without a leading {@code /} is relative to the package of the class carrying this
     * annotation. A policy the fake cannot read fails the context with its place and reason; a reset
     * between tests keeps the policy.
     */
    String iamPolicy() default "";
}
