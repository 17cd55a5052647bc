package io.github.sagemakerfake.spring.sample;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatSageMakerCall;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestContextManager;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** @Nested classes inherit the annotation (Spring's default INHERIT); one that declares its own gets its own fake. */
@SpringBootTest
@EnableSageMakerWorkforceFake(maxWorkteams = 1)
class NestedClassesTest {

    /**
     * The fake of the outer class's own context, from Spring's context cache. (The outer instance's
     * fields cannot tell in a nested test: Spring Framework 6 injects them from the outer class's
     * context, Spring Framework 7 from the nested class's.)
     */
    static SageMakerWorkforceFake outerContextFake() {
        return new TestContextManager(NestedClassesTest.class).getTestContext().getApplicationContext()
                .getBean(SageMakerWorkforceFake.class);
    }

    @Autowired
    SageMakerWorkforceFake outerFake;

    @Autowired
    WorkteamService service;

    @Test
    void theOuterClassHasTheLimit() {
        assertThat((Object) outerFake).isSameAs(outerContextFake());
        service.createTeam("only");
        assertThatSageMakerCall(() -> service.createTeam("one-too-many")).hasErrorCode("ResourceLimitExceeded");
    }

    @Nested
    class Inheriting {

        @Autowired
        SageMakerWorkforceFake fake;

        @Test
        void sharesTheOuterContextsFakeAndLimitAfterAReset() {
            assertThat((Object) fake).isSameAs(outerContextFake());
            assertThat(fake).hasNoWorkteams();

            service.createTeam("only");

            assertThatSageMakerCall(() -> service.createTeam("one-too-many")).hasErrorCode("ResourceLimitExceeded");
        }
    }

    @Nested
    @EnableSageMakerWorkforceFake(region = "eu-west-2")
    class Redeclaring {

        @Autowired
        SageMakerWorkforceFake fake;

        @Autowired
        SageMakerClient sageMaker;

        @Autowired
        WorkteamService ownService; // the outer instance's fields come from the outer context

        @Test
        void getsItsOwnFakeWithItsOwnSettingsOnly() {
            assertThat((Object) fake).isNotSameAs(outerContextFake());
            assertThat(fake.defaultRegion()).isEqualTo("eu-west-2");
            assertThat(sageMaker.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_2);

            ownService.createTeam("first");
            ownService.createTeam("second"); // the outer limit of 1 is not inherited: the nearest declaration wins

            assertThat(fake.state("123456789012", "eu-west-2").workteamNames()).containsExactlyInAnyOrder("first", "second");
        }
    }
}
