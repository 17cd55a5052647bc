package io.github.sagemakerfake.spring;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the fake of the test's context before every test method, so that a cached context
 * never carries one test's resources, journal or fault rules into the next. Registered in
 * {@code META-INF/spring.factories}, so it is on by default; a class that lists its own
 * {@code @TestExecutionListeners} without merging them with the defaults must name it there.
 */
public class SageMakerFakeTestExecutionListener extends AbstractTestExecutionListener {

    /**
     * After Spring's dependency injection (2000) and before its SQL scripts (5000), so that
     * everything a test's setup does runs against a clean fake.
     */
    public static final int ORDER = 2500;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (SageMakerFakeContextCustomizerFactory.nearestDeclaration(testContext.getTestClass()) == null) {
            return;
        }
        testContext.getApplicationContext().getBean(ContextFake.BEAN_NAME, ContextFake.class).reset();
    }
}
