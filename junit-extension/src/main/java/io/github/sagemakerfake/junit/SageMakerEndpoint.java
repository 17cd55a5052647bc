package io.github.sagemakerfake.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the fake's HTTP endpoint, such as {@code http://127.0.0.1:54321}, into a {@code java.net.URI}
 * parameter or field. Needs {@link SageMakerWorkforceTest.Transport#HTTP}: in process there is no
 * socket and so no endpoint.
 *
 * <pre>{@code
 * @SageMakerWorkforceTest(transport = Transport.HTTP)
 * class ReportJobTest {
 *     @Test
 *     void run(@SageMakerEndpoint URI endpoint, SageMakerFakeRuntime fake) {
 *         new ReportJob(endpoint, fake.credentialsProvider(), fake.region()).run();
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SageMakerEndpoint {
}
