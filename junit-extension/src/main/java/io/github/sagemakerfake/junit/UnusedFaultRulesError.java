package io.github.sagemakerfake.junit;

import io.github.sagemakerfake.control.FaultRule;
import java.util.List;

/**
 * A test ended with fault rules that never fired: like Mockito's {@code UnnecessaryStubbingException},
 * a sign that the test does not exercise the path it means to (a misspelt operation, a member
 * match that never holds, a call the code under test no longer makes). An {@link AssertionError},
 * so it reads as the test's failure when the test otherwise passed; when the test failed already,
 * it is attached to that failure as a suppressed exception instead.
 */
final class UnusedFaultRulesError extends AssertionError {

    private static final long serialVersionUID = 1L;

    private UnusedFaultRulesError(String message) {
        super(message);
    }

    /** The error for the rules of this fake that never fired, or null when every rule fired. */
    static UnusedFaultRulesError check(FakeScope scope) {
        List<FaultRule> unused = scope.control().faults().stream().filter(r -> r.firedCount() == 0).toList();
        if (unused.isEmpty()) {
            return null;
        }
        StringBuilder message = new StringBuilder();
        message.append(unused.size() == 1 ? "A fault rule" : unused.size() + " fault rules")
                .append(" of the SageMaker fake of ").append(scope.owner())
                .append(unused.size() == 1 ? " never fired:\n" : " never fired:\n");
        unused.forEach(rule -> message.append("  ").append(rule).append('\n'));
        message.append("A rule that never fires means the test does not go where it meant to: check the operation ")
                .append("name and member matches against the journal (FakeControl.journal()), or remove the rule. ")
                .append("To allow unused rules: @SageMakerWorkforceTest(unusedFaultRules = UnusedFaultRules.IGNORE), ")
                .append("the builder's unusedFaultRules(IGNORE), or the configuration parameter ")
                .append(FakeConfiguration.UNUSED_FAULT_RULES_KEY).append("=ignore.");
        return new UnusedFaultRulesError(message.toString());
    }
}
