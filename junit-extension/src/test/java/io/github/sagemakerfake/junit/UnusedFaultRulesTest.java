package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Isolation;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.UnusedFaultRules;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** A fault rule that never fires fails its test, like Mockito's strict stubs, and never hides the test's own failure. */
class UnusedFaultRulesTest {

    @Test
    void anUnusedRuleFailsAnOtherwisePassingTestNamingTheRule() {
        Throwable failure = TestKit.onlyFailure(TestKit.run(ArmsAMisspeltRule.class));
        assertThat(failure).isInstanceOf(UnusedFaultRulesError.class)
                .hasMessageContaining("A fault rule of the SageMaker fake of test ArmsAMisspeltRule > test(")
                .hasMessageContaining("never fired")
                .hasMessageContaining("rule f1 on DescribeWorkteam where {WorkteamName=alfa}, error ThrottlingException")
                .hasMessageContaining("unusedFaultRules = UnusedFaultRules.IGNORE")
                .hasMessageContaining("sagemaker.fake.unusedFaultRules=ignore");
    }

    @Test
    void rulesThatFiredPass() {
        TestKit.assertAllPassed(TestKit.run(ArmsARuleThatFires.class), 1);
    }

    @Test
    void theTestsOwnFailureStaysFirstWithTheUnusedRulesBesideIt() {
        Throwable failure = TestKit.onlyFailure(TestKit.run(FailsAndArmsAnUnusedRule.class));
        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessageContaining("the test's own failure");
        assertThat(failure.getSuppressed()).anySatisfy(s -> assertThat(s).isInstanceOf(UnusedFaultRulesError.class)
                .hasMessageContaining("rule f1 on CreateWorkteam"));
        assertThat(failure.getSuppressed()).anySatisfy(s -> assertThat(s)
                .isInstanceOf(FailureReport.FakeStateAtFailure.class));
    }

    @Test
    void aSharedFakeIsCheckedOnceAllTheClassesTestsRan() {
        // The rule armed by the first test fires in the second: no failure.
        TestKit.assertAllPassed(TestKit.run(SharedFakeRuleUsedLater.class), 2);
        Throwable failure = TestKit.onlyFailure(TestKit.run(SharedFakeRuleNeverUsed.class));
        assertThat(failure).isInstanceOf(UnusedFaultRulesError.class)
                .hasMessageContaining("of class SharedFakeRuleNeverUsed never fired");
    }

    @Test
    void optOutPerClassByBuilderOrGlobally() {
        TestKit.assertAllPassed(TestKit.run(IgnoredByAnnotation.class), 1);
        TestKit.assertAllPassed(TestKit.run(IgnoredByBuilder.class), 1);
        TestKit.assertAllPassed(TestKit.run(Map.of(FakeConfiguration.UNUSED_FAULT_RULES_KEY, "ignore"),
                ArmsAMisspeltRule.class), 1);
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class ArmsAMisspeltRule {
        @Test
        void test(SageMakerClient client, FakeControl fake) {
            Teams.create(client, "alpha");
            fake.addFault(FaultRule.forOperation("DescribeWorkteam").forWorkteam("alfa").throttle());
            client.describeWorkteam(r -> r.workteamName("alpha"));
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class ArmsARuleThatFires {
        @Test
        void test(SageMakerClient client, FakeControl fake) {
            fake.addFault(FaultRule.forOperation("ListWorkteams").once().internalFailure());
            client.listWorkteams(); // the SDK retries the 500: the rule fired once, the retry succeeded
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class FailsAndArmsAnUnusedRule {
        @Test
        void test(FakeControl fake) {
            fake.addFault(FaultRule.forOperation("CreateWorkteam").throttle());
            throw new AssertionFailedError("the test's own failure");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(isolation = Isolation.PER_CLASS)
    @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
    static class SharedFakeRuleUsedLater {
        @Test
        void a(FakeControl fake) {
            fake.addFault(FaultRule.forOperation("ListWorkteams").once().internalFailure());
        }

        @Test
        void b(SageMakerClient client) {
            client.listWorkteams();
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(isolation = Isolation.PER_CLASS)
    static class SharedFakeRuleNeverUsed {
        @Test
        void a(FakeControl fake) {
            fake.addFault(FaultRule.forOperation("ListWorkteams").once().internalFailure());
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(unusedFaultRules = UnusedFaultRules.IGNORE)
    static class IgnoredByAnnotation {
        @Test
        void test(FakeControl fake) {
            fake.addFault(FaultRule.forOperation("CreateWorkteam").throttle());
        }
    }

    @TestKitOnly
    static class IgnoredByBuilder {
        @RegisterExtension
        static SageMakerWorkforceExtension sageMaker = SageMakerWorkforceExtension.newInstance()
                .unusedFaultRules(UnusedFaultRules.IGNORE).build();

        @Test
        void test(FakeControl fake) {
            fake.addFault(FaultRule.forOperation("CreateWorkteam").throttle());
        }
    }
}
