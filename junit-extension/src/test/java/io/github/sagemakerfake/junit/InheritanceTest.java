package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeControl;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;

/** An abstract base test carries the annotation and the fields; composed annotations work too. */
class InheritanceTest {

    @Test
    void subclassesInheritTheAnnotationFieldsAndSetUpWithoutSharingAFake() {
        TestKit.assertAllPassed(TestKit.run(TeamsTest.class, WorkforceTest.class), 2);
    }

    @Test
    void aComposedAnnotationCarriesTheSettings() {
        TestKit.assertAllPassed(TestKit.run(Composed.class), 1);
    }

    @SageMakerWorkforceTest(maxWorkteams = 2)
    abstract static class BaseTest {
        @InjectSageMaker protected SageMakerClient sageMaker;
        @InjectSageMaker protected FakeControl fake;

        @BeforeEach
        void createBaseTeam() {
            Teams.create(sageMaker, "base");
        }
    }

    @TestKitOnly
    static class TeamsTest extends BaseTest {
        @Test
        void oneMoreTeamReachesTheInheritedLimit() {
            Teams.create(sageMaker, "teams");
            assertThatThrownBy(() -> Teams.create(sageMaker, "over"))
                    .isInstanceOf(ResourceLimitExceededException.class);
            assertThat(fake.state().workteamNames()).containsExactly("base", "teams");
        }
    }

    @TestKitOnly
    static class WorkforceTest extends BaseTest {
        @Test
        void seesOnlyItsOwnFake() {
            assertThat(fake.state().workteamNames()).containsExactly("base");
            assertThat(fake.state().workforce()).hasValueSatisfying(w -> assertThat(w.name()).isEqualTo("default"));
        }
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @SageMakerWorkforceTest(maxWorkteams = 1, region = "us-west-2")
    @interface SmallFakeInOregon {
    }

    @TestKitOnly
    @SmallFakeInOregon
    static class Composed {
        @Test
        void usesTheComposedSettings(SageMakerClient client, SageMakerFakeRuntime runtime) {
            assertThat(runtime.region()).isEqualTo("us-west-2");
            Teams.create(client, "one");
            assertThatThrownBy(() -> Teams.create(client, "two")).isInstanceOf(ResourceLimitExceededException.class);
        }
    }
}
