package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Isolation;
import io.github.sagemakerfake.internal.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;

/** A failing test keeps its own failure, and gains the fake's state and last requests beside it. */
class FailureReportTest {

    @Test
    void addsACompactSummaryAsASuppressedExceptionAndKeepsTheFailureFirst() {
        EngineExecutionResults results = TestKit.run(FailsAnAssertion.class);
        Throwable failure = TestKit.onlyFailure(results);

        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessageContaining("expected: \"beta\"");
        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(FailureReport.FakeStateAtFailure.class);
        assertThat(report(failure))
                .contains("The SageMaker fake of test FailsAnAssertion > looksForTheWrongTeam")
                .contains("IN_PROCESS, default account 123456789012, default region us-east-1")
                .contains("State (1 account/region with resources):")
                .contains("123456789012/us-east-1: workforce default (Initializing), 1 work team(s) [alpha]")
                .contains("Requests: 2 (all succeeded)")
                .contains("#1 CreateWorkteam [123456789012/us-east-1]")
                .contains("#2 ListWorkteams [123456789012/us-east-1] {} -> 200")
                .doesNotContain("\"Workteams\":[") // no state JSON in the failure: it is in the file
                .contains("Full state and every request: ");
    }

    @Test
    void writesTheFullStateAndEveryRequestToAFileUnderTheBuildDirectory() throws Exception {
        Path directory = Files.createTempDirectory("sagemaker-fake-reports");
        Throwable failure = TestKit.onlyFailure(TestKit.run(
                Map.of(FakeConfiguration.REPORT_DIRECTORY_KEY, directory.toString()), FailsAnAssertion.class));

        String report = report(failure);
        Path file = Path.of(report.substring(report.indexOf("Full state and every request: ")
                + "Full state and every request: ".length()).trim());
        assertThat(file).startsWith(directory.toAbsolutePath()).isRegularFile();
        assertThat(file.getFileName().toString()).startsWith("io.github.sagemakerfake.junit.FailureReportTest_FailsAnAssertion.looksForTheWrongTeam");
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) Json.parse(Files.readString(file));
        assertThat(Json.write(document.get("State"))).contains("\"WorkteamName\":\"alpha\"");
        assertThat((List<?>) document.get("Requests")).hasSize(2);
    }

    @Test
    void theDefaultReportDirectoryIsUnderTheBuildDirectory() {
        Throwable failure = TestKit.onlyFailure(TestKit.run(FailsAnAssertion.class));
        assertThat(report(failure)).contains(Path.of("target", "sagemaker-fake-reports").toAbsolutePath().toString());
    }

    @Test
    void staysCompactWithTwentyFiveTeamsAndManyRequests() {
        Throwable failure = TestKit.onlyFailure(TestKit.run(TwentyFiveTeams.class));
        String report = report(failure);

        assertThat(report.length()).isLessThan(3_000); // was 20.5 KB, one line of state JSON 14,180 characters
        assertThat(report.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(300));
        assertThat(report)
                .contains("25 work team(s) [team-00, team-01, team-02, team-03, team-04, team-05, team-06, team-07, "
                        + "team-08, team-09, ... 15 more]")
                .contains("Requests: 26 (25 succeeded, 1 failed: ResourceLimitExceeded x1)")
                .contains("... 21 earlier, in the file")
                .contains("#26 CreateWorkteam");
    }

    @Test
    void publishesTheSummaryAndTheFileAsAReportEntry() {
        EngineExecutionResults results = TestKit.run(FailsAnAssertion.class);
        List<ReportEntry> entries = results.testEvents().reportingEntryPublished()
                .stream().map(e -> e.getRequiredPayload(ReportEntry.class)).toList();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.getKeyValuePairs().get(FailureReport.STATE_ENTRY)).contains("1 work team(s) [alpha]");
            assertThat(entry.getKeyValuePairs().get(FailureReport.REQUESTS_ENTRY)).contains("#2 ListWorkteams");
            assertThat(Path.of(entry.getKeyValuePairs().get(FailureReport.STATE_FILE_ENTRY))).isRegularFile();
        });
    }

    @Test
    void showsTheErrorTheFakeAnswered() {
        Throwable failure = TestKit.onlyFailure(TestKit.run(ThrowsTheSdkException.class));
        assertThat(failure).isInstanceOf(ResourceLimitExceededException.class);
        assertThat(report(failure))
                .contains("#2 CreateWorkteam")
                .contains("-> 400 ResourceLimitExceeded");
    }

    @Test
    void saysSoWhenNoRequestReachedTheFake() {
        Throwable failure = TestKit.onlyFailure(TestKit.run(SendsNothing.class));
        assertThat(report(failure))
                .contains("State: empty (no workforce, no work teams in any account or region)")
                .contains("Requests: none");
    }

    @Test
    void showsOnlyTheLastRequestsAndTheFaultRulesInForce() {
        Throwable failure = TestKit.onlyFailure(TestKit.run(ManyRequests.class));
        assertThat(report(failure))
                .contains("Requests: 25 (24 succeeded, 1 failed: AccessDeniedException x1)")
                .contains("... 20 earlier, in the file")
                .doesNotContain("#20 ListWorkteams")
                .contains("#21 ListWorkteams")
                .contains("#25 DescribeWorkteam")
                .contains("Fault rules in force:")
                .contains("on DescribeWorkteam, error AccessDeniedException (400)");
    }

    @Test
    void reportsFailuresOfLifecycleMethodsAndOfPerClassFakes() {
        Throwable beforeEach = TestKit.onlyFailure(TestKit.run(FailsInBeforeEach.class));
        assertThat(beforeEach).hasMessageContaining("set-up failed");
        assertThat(report(beforeEach)).contains("[from-set-up]");

        Throwable perClass = TestKit.onlyFailure(TestKit.run(FailsWithASharedFake.class));
        assertThat(report(perClass))
                .contains("The SageMaker fake of class FailsWithASharedFake").contains("[shared]");
    }

    @Test
    void leavesAbortedTestsAlone() {
        EngineExecutionResults results = TestKit.run(Aborts.class);
        assertThat(results.testEvents().aborted().count()).isEqualTo(1);
        Throwable aborted = TestKit.throwable(results.testEvents().aborted().list().get(0));
        assertThat(aborted.getSuppressed()).isEmpty();
    }

    /** The report among the failure's suppressed exceptions (the SDK adds its own for retried attempts). */
    static String report(Throwable failure) {
        return java.util.Arrays.stream(failure.getSuppressed())
                .filter(FailureReport.FakeStateAtFailure.class::isInstance)
                .reduce((a, b) -> {
                    throw new AssertionError("two reports on one failure");
                })
                .orElseThrow(() -> new AssertionError("no report on " + failure))
                .getMessage();
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class FailsAnAssertion {
        @Test
        void looksForTheWrongTeam(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "alpha");
            assertThat(sageMaker.listWorkteams().workteams().get(0).workteamName()).isEqualTo("beta");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(maxWorkteams = 1)
    static class ThrowsTheSdkException {
        @Test
        void createsOneTooMany(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "one");
            Teams.create(sageMaker, "two");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class TwentyFiveTeams {
        @Test
        void createsOneTooMany(SageMakerClient sageMaker) {
            for (int i = 0; i < 26; i++) {
                Teams.create(sageMaker, String.format("team-%02d", i));
            }
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class SendsNothing {
        @Test
        void failsWithoutARequest(FakeControl fake) {
            throw new AssertionError("the code under test never called SageMaker");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class ManyRequests {
        @Test
        void sendsTwentyFive(SageMakerClient sageMaker, FakeControl fake) {
            for (int i = 0; i < 24; i++) {
                sageMaker.listWorkteams();
            }
            fake.addFault(FaultRule.forOperation("DescribeWorkteam").error("AccessDeniedException", 400, "Not today"));
            sageMaker.describeWorkteam(r -> r.workteamName("any"));
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class FailsInBeforeEach {
        @BeforeEach
        void setUp(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "from-set-up");
            throw new IllegalStateException("set-up failed");
        }

        @Test
        void neverRuns() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(isolation = Isolation.PER_CLASS)
    static class FailsWithASharedFake {
        @Test
        void fails(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "shared");
            throw new AssertionError("boom");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class Aborts {
        @Test
        void assumesSomethingFalse(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "any");
            Assumptions.assumeTrue(false, "not today");
        }
    }
}
