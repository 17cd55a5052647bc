package io.github.sagemakerfake.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The control surface of a fake, the same in every form: in process it is the
 * {@code SageMakerWorkforceFake} itself; for a server or a container it is a client of the admin
 * API. Tests, the JUnit extension and the AssertJ assertions use only this interface, so a test
 * asserts the same way whichever form it runs against.
 */
public interface FakeControl {

    /** The account of requests whose access key id is not 12 digits. */
    String defaultAccount();

    /** The region of requests without a SigV4 credential scope. */
    String defaultRegion();

    /** Forgets every resource in every account and region, the journal, all fault rules and all stubs. */
    void reset();

    /** Forgets the resources of one account and region only. */
    void reset(String account, String region);

    /** A consistent, read-only copy of the whole state. */
    StateSnapshot snapshot();

    /**
     * Puts back the state a {@link #snapshot()} took, as it was: every resource of every account
     * and region, with its dates, ids and statuses, the id sequence, and the clock (moved forward
     * to the snapshot's time if it is behind; it never moves back). The journal and fault rules
     * stay as they are. See docs/seeding.md, "Snapshots".
     *
     * @throws IllegalStateException for a snapshot without a state document ({@link StateSnapshot#hasDocument()})
     */
    default void restore(StateSnapshot snapshot) {
        restore(snapshot.toDocument());
    }

    /**
     * Puts back a state document: the text of {@link StateSnapshot#toDocument()}, a server's state
     * file, or the body of {@code GET /_fake/snapshot}. A document of one account and region (it
     * has a {@code Scope}) replaces that pair only; any other replaces the whole state. All or
     * nothing: a document with a mistake changes nothing.
     *
     * @throws IllegalArgumentException naming what is wrong with the document
     */
    default void restore(String stateDocument) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot restore snapshots");
    }

    /** A consistent, read-only copy of one account and region. */
    RegionSnapshot state(String account, String region);

    /** A consistent, read-only copy of the default account and region: where unconfigured clients land. */
    default RegionSnapshot state() {
        return state(defaultAccount(), defaultRegion());
    }

    /** The requests received, oldest first. */
    List<JournalEntry> journal();

    void clearJournal();

    /**
     * Creates resources from a seed document (JSON): a workforce, work teams with tags, vendor
     * teams and labeling jobs. See docs/seeding.md for the format. All or nothing.
     */
    void seed(String seedJson);

    /** The fake clock's current time. */
    Instant now();

    /** Moves the fake clock forward, e.g. past a {@code TIMED} lifecycle ({@link Lifecycle}). */
    void advanceClock(Duration duration);

    /** Adds a fault rule; it applies to requests from now until it is used up or removed. */
    FaultRule addFault(FaultRule rule);

    /** The fault rules in force, with how often each has fired. */
    List<FaultRule> faults();

    void clearFaults();

    /**
     * What the people behind a labeling job do (data objects arrive, objects are labeled, the job
     * completes or fails): the fake never does it by itself. See docs/labeling.md.
     *
     * @throws IllegalArgumentException when the region has no labeling job of that name (ignoring case)
     * @throws IllegalStateException    when the job's status does not allow the action (objects are
     *                                  labeled, and a job completes, only while it is InProgress)
     */
    void driveLabelingJob(String account, String region, String labelingJobName, LabelingJobAction action);

    /** Human workers label {@code humanLabeled} objects of a job of the default account and region. */
    default void labelObjects(String labelingJobName, long humanLabeled) {
        driveLabelingJob(defaultAccount(), defaultRegion(), labelingJobName, LabelingJobAction.label(humanLabeled));
    }

    /**
     * A job of the default account and region completes with a {@code LabelingJobOutput}; a null URI is
     * {@code <S3OutputPath>/<job name>/manifests/output/output.manifest}.
     */
    default void completeLabelingJob(String labelingJobName, String outputDatasetS3Uri) {
        driveLabelingJob(defaultAccount(), defaultRegion(), labelingJobName,
                LabelingJobAction.complete(outputDatasetS3Uri));
    }

    /** A job of the default account and region fails with this {@code FailureReason}. */
    default void failLabelingJob(String labelingJobName, String failureReason) {
        driveLabelingJob(defaultAccount(), defaultRegion(), labelingJobName, LabelingJobAction.fail(failureReason));
    }

    /**
     * Answers an operation the fake does not serve (say {@code CreateModel}) with a fixed answer, so
     * code that also calls it can run against one client. Unstubbed, such an operation answers
     * {@code UnknownOperationException}. A later stub of the same operation replaces this one;
     * {@link #reset()} removes all. See docs/stubbing.md.
     *
     * @throws IllegalArgumentException for an operation the fake serves, or a name that is no operation name
     */
    void stub(String operation, StubAnswer answer);

    /** Removes every stub. */
    void clearStubs();

    /**

    /**
     * Enforces an identity policy (JSON) for every caller without a policy of its own; null removes it.
     * A call the policy does not allow answers {@code AccessDeniedException} (HTTP 400) in AWS's words,
     * changes nothing and is journaled. See docs/iam.md.
     *
     * @throws IllegalArgumentException when the policy cannot be read or names an unknown condition
     *                                  operator; the message gives the place (e.g.
     *                                  {@code $.Statement[1].Condition}) and the reason
     */
    void setIamPolicy(String policyJson);

    /** Enforces an identity policy for the callers signing with one access key id, instead of the every-caller one; null removes it. */
    void setIamPolicy(String accessKeyId, String policyJson);

    /** Removes every identity policy: enforcement is off again. {@link #reset()} keeps them. */
    void clearIamPolicies();

    /**
     * The least-privilege identity policy the calls in the journal needed in one account and region
     * (docs/iam.md): exact resource ARNs, {@code sagemaker:AddTags} for a Create with Tags,
     * {@code iam:PassRole} and the other services' actions the calls needed.
     */
    default RequiredPolicy requiredPolicy(String account, String region) {
        return RequiredPolicy.fromJournal(journal(), account, region);
    }

    /** {@link #requiredPolicy(String, String)} for the default account and region. */
    default RequiredPolicy requiredPolicy() {
        return requiredPolicy(defaultAccount(), defaultRegion());
    }

    /**
     * Removes the fault rule with this {@link FaultRule#id() id}; the others stay, with their counts.
     *
     * @throws IllegalArgumentException when no rule in force has that id
     */
    void removeFault(String id);

    /**
     * Ends every pending workforce transition now, as it would end ({@code Initializing} and
     * {@code Updating} become {@code Active}, or {@code Failed} after a provisioning fault;
     * {@code Deleting} removes the workforce), whatever the {@link Lifecycle}; see docs/lifecycle.md.
     * Labeling jobs ({@code Initializing}, {@code Stopping}) and flow definitions ({@code Initializing},
     * {@code Deleting}) settle the same way (docs/labeling.md).
     *
     * @return how many workforces, labeling jobs and flow definitions were in a transition
     */
    int settleTransitions();
}
