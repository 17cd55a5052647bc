package io.github.sagemakerfake.spring.sample;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.TestContextManager;

/** A setting the fake cannot take fails the test class with a message naming the attribute, the class and the fix. */
class InvalidSettingsTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @SpringBootTest(classes = Empty.class)
    @EnableSageMakerWorkforceFake(region = "Ireland")
    static class WithARegionName {
    }

    @SpringBootTest(classes = Empty.class)
    @EnableSageMakerWorkforceFake(seed = "no-such-seed.json")
    static class WithAMissingSeed {
    }

    @Test
    void anInvalidRegion() {
        assertThatThrownBy(() -> new TestContextManager(WithARegionName.class).getTestContext().getApplicationContext())
                .satisfies(e -> Assertions.assertThat(theFakesMessage(e)).isEqualTo(
                        "@EnableSageMakerWorkforceFake(region = \"Ireland\") on " + WithARegionName.class.getName()
                                + ": A region name looks like us-east-1 or eu-west-2; got 'Ireland'"));
    }

    @Test
    void aMissingSeed() {
        assertThatThrownBy(() -> new TestContextManager(WithAMissingSeed.class).getTestContext().getApplicationContext())
                .satisfies(e -> Assertions.assertThat(theFakesMessage(e))
                        .contains("seed = \"no-such-seed.json\"")
                        .contains("no classpath resource '/io/github/sagemakerfake/spring/sample/no-such-seed.json'")
                        .contains("src/test/resources"));
    }

    /** The fake's own message, wherever Spring put it in the cause chain. */
    private static String theFakesMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("@EnableSageMakerWorkforceFake")) {
                return t.getMessage();
            }
        }
        return String.valueOf(e);
    }
}
