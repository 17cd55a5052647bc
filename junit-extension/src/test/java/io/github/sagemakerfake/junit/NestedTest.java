package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Isolation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;

/** {@code @Nested} classes, two levels deep: injection into outer instances, inherited settings. */
class NestedTest {

    @Test
    void injectsOuterInstancesAndInheritsSettingsTwoLevelsDown() {
        TestKit.assertAllPassed(TestKit.run(Outer.class), 4);
    }

    @Test
    void aNestedClassWithItsOwnAnnotationOverridesSomeSettingsAndInheritsTheRest() {
        TestKit.assertAllPassed(TestKit.run(OuterWithOverride.class), 2);
    }

    @Test
    void nestedClassesWithoutAnAnnotationShareTheOuterPerClassFake() {
        TestKit.assertAllPassed(TestKit.run(OuterPerClass.class), 3);
    }

    @TestKitOnly
    @SageMakerWorkforceTest(maxWorkteams = 2, region = "eu-west-1")
    static class Outer {
        @InjectSageMaker SageMakerClient outerClient;
        @InjectSageMaker FakeControl outerControl;

        @Test
        void outerTest(FakeControl control) {
            assertThat(control).isSameAs(outerControl);
            assertThat(control.defaultRegion()).isEqualTo("eu-west-1");
        }

        @Nested
        class LevelOne {
            @InjectSageMaker SageMakerClient levelOneClient;

            @BeforeEach
            void createOne() {
                Teams.create(levelOneClient, "one");
            }

            @Test
            void outerFieldsReachTheSameFake(FakeControl control) {
                assertThat(control).isSameAs(outerControl);
                assertThat(outerControl.state().workteamNames()).containsExactly("one");
            }

            @Nested
            class LevelTwo {
                @Test
                void inheritsTheLimitFromTwoLevelsUp(SageMakerClient client, FakeControl control) {
                    assertThat(control).isSameAs(outerControl);
                    Teams.create(outerClient, "two");
                    assertThatThrownBy(() -> Teams.create(client, "three"))
                            .isInstanceOf(ResourceLimitExceededException.class);
                    assertThat(control.state("123456789012", "eu-west-1").workteamNames())
                            .containsExactly("one", "two");
                }

                @Test
                void getsAFreshFakePerTest(FakeControl control) {
                    assertThat(control.state().workteamNames()).containsExactly("one");
                }
            }
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(maxWorkteams = 1, account = "111122223333")
    static class OuterWithOverride {
        @Test
        void outer(SageMakerFakeRuntime fake) {
            assertThat(fake.region()).isEqualTo("us-east-1");
            assertThat(fake.account()).isEqualTo("111122223333");
        }

        @Nested
        @SageMakerWorkforceTest(region = "ap-southeast-2")
        class InAnotherRegion {
            @Test
            void overridesTheRegionAndKeepsTheRest(SageMakerFakeRuntime fake, SageMakerClient client) {
                assertThat(fake.region()).isEqualTo("ap-southeast-2");
                assertThat(fake.account()).isEqualTo("111122223333");
                Teams.create(client, "only");
                assertThatThrownBy(() -> Teams.create(client, "too-many"))
                        .isInstanceOf(ResourceLimitExceededException.class);
            }
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(isolation = Isolation.PER_CLASS)
    static class OuterPerClass {
        @InjectSageMaker static FakeControl classFake;

        @BeforeAll
        static void seed(SageMakerClient client) {
            Teams.create(client, "from-outer-before-all");
        }

        @Test
        void outer(FakeControl control) {
            assertThat(control).isSameAs(classFake);
        }

        @Nested
        class Inner {
            @Test
            void sharesTheOuterFake(FakeControl control) {
                assertThat(control).isSameAs(classFake);
                assertThat(control.state().workteamNames()).contains("from-outer-before-all");
            }

            @Nested
            class Innermost {
                @Test
                void stillTheSameFake(FakeControl control) {
                    assertThat(control).isSameAs(classFake);
                }
            }
        }
    }
}
