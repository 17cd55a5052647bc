package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Fixtures.cognitoTeam;
import static io.github.sagemakerfake.assertions.Fixtures.lines;
import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThatJournal;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.JournalEntry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

class RequestJournalAssertTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    /** #1 CreateWorkforce, #2 CreateWorkteam a, #3 CreateWorkteam labelers, #4 DescribeWorkteam a, #5 CreateWorkteam a (ResourceInUse). */
    @BeforeEach
    void traffic() {
        Fixtures.startCognitoWorkforce(sageMaker); // no waiting: the journal holds exactly these five requests
        cognitoTeam(sageMaker, "a", "Team A", "g");
        Fixtures.labelers(sageMaker);
        sageMaker.describeWorkteam(r -> r.workteamName("a"));
        catchThrowable(() -> cognitoTeam(sageMaker, "a", "Team A again", "g"));
    }

    @AfterEach
    void close() {
        fake.close();
    }

    @Nested
    class HowOften {

        @Test
        void hasCalled_times() {
            assertThatJournal(fake).hasCalled("CreateWorkteam").times(3).atLeast(2).atMost(3);
            assertThatJournal(fake).hasCalled("CreateWorkforce").once().allSucceeded();
            assertThatJournal(fake).hasCalledTimes("DescribeWorkteam", 1).hasCalledTimes("DeleteWorkteam", 0);
        }

        @Test
        void hasCalled_fails_when_never_called_and_lists_the_requests() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasCalled("DeleteWorkteam"))
                    .withMessageStartingWith(lines(
                            "Expecting DeleteWorkteam to have been called, but it never was.",
                            "Requests received (5):",
                            "  #1 CreateWorkforce {\"CognitoConfig\":{\"UserPool\":\"us-east-1_abc123\""))
                    .withMessageContaining("  #4 DescribeWorkteam {\"WorkteamName\":\"a\"} -> 200")
                    .withMessageEndingWith("-> 400 ResourceInUse: A work team with name a already exists in account "
                            + "123456789012 and region us-east-1.");
        }

        @Test
        void times_fails() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasCalled("DescribeWorkteam").times(2))
                    .withMessage(lines("Expecting DescribeWorkteam to have been called 2 times, but it was called 1 time:",
                            "  #4 DescribeWorkteam {\"WorkteamName\":\"a\"} -> 200"));
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasCalled("CreateWorkteam").atMost(2))
                    .withMessageStartingWith("Expecting CreateWorkteam to have been called at most 2 times, but it was "
                            + "called 3 times:");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasCalled("CreateWorkteam").atLeast(4))
                    .withMessageStartingWith("Expecting CreateWorkteam to have been called at least 4 times, but it "
                            + "was called 3 times:");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasCalled("CreateWorkteam").allSucceeded())
                    .withMessageStartingWith(lines("Expecting every call of CreateWorkteam to succeed, but 1 call failed:",
                            "  #5 CreateWorkteam"));
        }

        @Test
        void hasCalledTimes_fails() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasCalledTimes("CreateWorkteam", 2))
                    .withMessageStartingWith(lines("Expecting CreateWorkteam to have been called 2 times, but it was "
                            + "called 3 times.", "Requests received (5):"));
        }

        @Test
        void hasNeverCalled() {
            assertThatJournal(fake).hasNeverCalled("DeleteWorkforce");
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasNeverCalled("DescribeWorkteam"))
                    .withMessage(lines("Expecting DescribeWorkteam never to have been called, but it was called 1 time:",
                            "  #4 DescribeWorkteam {\"WorkteamName\":\"a\"} -> 200"));
        }

        @Test
        void a_misspelt_operation_fails_rather_than_passing_hasNeverCalled() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasNeverCalled("DeleteWorkTeam"))
                    .withMessage(lines("Expecting an operation of SageMaker's workforce API, but \"DeleteWorkTeam\" is none.",
                            "Did you mean: \"DeleteWorkteam\"?"));
        }

        @Test
        void hasCallCount() {
            assertThatJournal(fake).hasCallCount(5);
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasCallCount(1))
                    .withMessageStartingWith(lines("Expecting 1 request, but the journal holds 5.",
                            "Requests received (5):"));
        }
    }

    @Nested
    class Order {

        @Test
        void hasCalledInOrder_is_a_subsequence() {
            assertThatJournal(fake)
                    .hasCalledInOrder("CreateWorkforce", "CreateWorkteam")
                    .hasCalledInOrder("CreateWorkteam", "DescribeWorkteam", "CreateWorkteam");
        }

        @Test
        void hasCalledInOrder_fails() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasCalledInOrder("DescribeWorkteam", "CreateWorkforce"))
                    .withMessage(lines("Expecting calls in this order, others possibly in between:",
                            "  DescribeWorkteam, CreateWorkforce",
                            "but CreateWorkforce was not called after DescribeWorkteam (call 2 of the expected order).",
                            "The calls were:",
                            "  CreateWorkforce, CreateWorkteam, CreateWorkteam, DescribeWorkteam, CreateWorkteam"));
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasCalledInOrder("ListWorkteams", "CreateWorkteam"))
                    .withMessageContaining("but ListWorkteams was never called.");
        }
    }

    @Nested
    class WithWhat {

        @Test
        void hasCall_with_a_condition() {
            assertThatJournal(fake)
                    .hasCall("CreateWorkteam", request -> "labelers".equals(request.get("WorkteamName")))
                    .hasCall("CreateWorkteam", "a team with tags", request -> request.containsKey("Tags"));
        }

        @Test
        void hasCall_fails_showing_the_calls() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasCall("DescribeWorkteam", "a name of \"b\"",
                            request -> "b".equals(request.get("WorkteamName"))))
                    .withMessage(lines("Expecting a call of DescribeWorkteam whose request satisfies a name of \"b\", "
                                    + "but none of its 1 call does:",
                            "  #4 DescribeWorkteam {\"WorkteamName\":\"a\"} -> 200"));
        }

        @Test
        void hasCallWithMember_top_level_nested_and_in_lists() {
            assertThatJournal(fake)
                    .hasCallWithMember("CreateWorkteam", "WorkteamName", "labelers")
                    .hasCallWithMember("CreateWorkteam", "NotificationConfiguration.NotificationTopicArn", Fixtures.TOPIC)
                    .hasCallWithMember("CreateWorkteam", "MemberDefinitions.1.CognitoMemberDefinition.UserGroup",
                            "reviewers")
                    .hasCallWithMember("CreateWorkteam", "MemberDefinitions", List.of(java.util.Map.of(
                            "CognitoMemberDefinition", java.util.Map.of("UserPool", Fixtures.POOL,
                                    "ClientId", Fixtures.CLIENT_ID, "UserGroup", "g"))));
        }

        @Test
        void hasCallWithMember_fails_with_the_values_seen() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasCallWithMember("CreateWorkteam", "WorkteamName", "b"))
                    .withMessageStartingWith(lines("Expecting a call of CreateWorkteam with WorkteamName = \"b\", but "
                            + "its 3 calls had:", "  [\"a\", \"labelers\", \"a\"]", "  #2 CreateWorkteam"));
        }

        @Test
        void hasCallWithMember_hints_at_a_misspelt_member() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasCallWithMember("CreateWorkteam", "workteamName", "a"))
                    .withMessageContaining(lines("  [null, null, null]", "Did you mean: \"WorkteamName\"?"));
        }

        @Test
        void hasCallWithMember_fails_when_never_called() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasCallWithMember("DeleteWorkteam", "WorkteamName", "a"))
                    .withMessageStartingWith("Expecting a call of DeleteWorkteam with WorkteamName = \"a\", but it was "
                            + "never called.");
        }
    }

    @Nested
    class Outcomes {

        @Test
        void hasFailedCall() {
            assertThatJournal(fake).hasFailedCall("CreateWorkteam").hasFailedCall("CreateWorkteam", "ResourceInUse");
        }

        @Test
        void hasFailedCall_fails() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasFailedCall("CreateWorkteam", "ResourceLimitExceeded"))
                    .withMessageStartingWith(lines("Expecting a call of CreateWorkteam that failed with "
                            + "ResourceLimitExceeded, but its calls were answered:", "  #2 CreateWorkteam"));
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasFailedCall("DescribeWorkteam"))
                    .withMessage(lines("Expecting a failed call of DescribeWorkteam, but all its calls succeeded:",
                            "  #4 DescribeWorkteam {\"WorkteamName\":\"a\"} -> 200"));
        }

        @Test
        void hasNoFailedCalls() {
            assertThatExceptionOfType(AssertionError.class)
                    .isThrownBy(() -> assertThatJournal(fake).hasNoFailedCalls())
                    .withMessageStartingWith(lines("Expecting no failed calls, but 1 call failed:",
                            "  #5 CreateWorkteam {\"WorkteamName\":\"a\""));
            fake.clearJournal();
            sageMaker.listWorkteams();
            assertThatJournal(fake).hasNoFailedCalls();
        }
    }

    @Test
    void a_journal_read_earlier() {
        List<JournalEntry> journal = fake.journal();
        sageMaker.listWorkteams();

        assertThatJournal(journal).hasNeverCalled("ListWorkteams");
        assertThatJournal(fake).hasCalled("ListWorkteams").once();
    }

    @Test
    void long_requests_are_cut_in_messages() {
        String longDescription = "x".repeat(200); // the longest Description the model allows
        cognitoTeam(sageMaker, "long", longDescription, "g");

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThatJournal(fake).hasNeverCalled("CreateWorkteam"))
                .withMessageContaining("xxx... -> 200")
                .withMessageNotContaining(longDescription);
    }
}
