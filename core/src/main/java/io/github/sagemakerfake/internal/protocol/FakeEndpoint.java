package io.github.sagemakerfake.internal.protocol;

import io.github.sagemakerfake.internal.journal.Journal;
import io.github.sagemakerfake.internal.backend.WorkforceBackend;
import io.github.sagemakerfake.internal.iam.IamPolicies;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.control.LabelingJobAction;
import io.github.sagemakerfake.control.OperationStub;
import io.github.sagemakerfake.control.StubAnswer;
import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.control.StateSnapshot;
import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.persistence.StateDocuments;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One fake, without any transport: the backend, the protocol layer in front of it, and the
 * control surface over both. The in-process SDK clients and the HTTP server are transports over
 * an endpoint; this class needs no AWS SDK artifact, so the standalone server runs without one.
 */
public final class FakeEndpoint implements FakeControl {

    private final WorkforceBackend backend;
    private final Journal journal;
    private final FaultEngine faults;
    private final StubRegistry stubs = new StubRegistry();
    private final AwsJsonProtocol protocol;
    private final IamPolicies iam = new IamPolicies();

    /**
     * The composition root: builds the backend, the journal and the fault engine, and hands the
     * journal and the rules to the protocol, which writes the one and reads the other. The backend
     * knows neither.
     */
    public FakeEndpoint(FakeSettings settings) {
        this.backend = new WorkforceBackend(Objects.requireNonNull(settings, "settings"));
        this.journal = new Journal(settings.journalCapacity(), settings.limits().journalMaxBytes());
        this.faults = new FaultEngine();
        this.protocol = new AwsJsonProtocol(backend, journal, faults, stubs, iam);
    }

    /**
     * Answers one awsJson1_1 request on this thread, waiting out any latency fault here: for
     * callers that block anyway (the sync in-memory client, tests).
     */
    public ProtocolResponse handle(ProtocolRequest request) {
        return accept(request, nextRequestId(), Authenticator.ANY).awaitAndComplete();
    }

    /**
     * Like {@link #handle(ProtocolRequest)}, for a transport that knows who is calling (the pooled
     * in-process clients, which do not sign): the account and region are this identity's, not the
     * Authorization header's.
     */
    public ProtocolResponse handle(ProtocolRequest request, RequestIdentity identity) {
        return protocol.accept(Objects.requireNonNull(request, "request"), nextRequestId(), Authenticator.ANY,
                Objects.requireNonNull(identity, "identity")).awaitAndComplete();
    }

    /**
     * The first phase of one request; the transport waits {@link PendingResponse#delayNanos()} its
     * own way, then calls {@link PendingResponse#complete()}.
     *
     * @param requestId     the exchange's one request id: every answer to this exchange carries it
     * @param authenticator the check the transport demands (strict SigV4), given the one parse of
     *                      the Authorization header
     */
    public PendingResponse accept(ProtocolRequest request, String requestId, Authenticator authenticator) {
        return protocol.accept(Objects.requireNonNull(request, "request"), Objects.requireNonNull(requestId),
                Objects.requireNonNull(authenticator), null);
    }

    public FakeSettings settings() {
        return backend.settings();
    }

    /** A new request id: random, or the next of the id seed's sequence (docs/seeding.md). */
    public String nextRequestId() {
        return backend.ids().requestId();
    }

    /** The backend: the state file and the admin API's snapshots read and restore it. */
    public WorkforceBackend backend() {
        return backend;
    }

    @Override
    public String defaultAccount() {
        return backend.settings().defaultAccount();
    }

    @Override
    public String defaultRegion() {
        return backend.settings().defaultRegion();
    }

    @Override
    public void reset() {
        faults.clear();
        stubs.clear();
        backend.reset();
        journal.clear();
    }

    @Override
    public void reset(String account, String region) {
        backend.reset(account, region);
    }

    @Override
    public StateSnapshot snapshot() {
        return backend.snapshot();
    }

    @Override
    public void restore(String stateDocument) {
        StateDocuments.restore(backend, StateDocuments.parse(Objects.requireNonNull(stateDocument, "stateDocument")));
    }

    /** One account and region as a state document (its {@code Scope} names them). */
    public String snapshotDocument(String account, String region) {
        return StateDocuments.write(backend.exportState(account, region));
    }

    @Override
    public RegionSnapshot state(String account, String region) {
        return backend.snapshot(account, region);
    }

    @Override
    public List<JournalEntry> journal() {
        return journal.entries();
    }

    @Override
    public void clearJournal() {
        journal.clear();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void seed(String seedJson) {
        Object parsed;
        try {
            parsed = Json.parse(Objects.requireNonNull(seedJson, "seedJson"));
        } catch (Json.ParseException e) {
            throw new IllegalArgumentException("The seed is not valid JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map)) {
            throw new IllegalArgumentException("A seed is a JSON object; see docs/seeding.md.");
        }
        backend.seed((Map<String, Object>) parsed);
    }

    @Override
    public Instant now() {
        return backend.clock().now();
    }

    @Override
    public void advanceClock(Duration duration) {
        backend.clock().advance(duration);
    }

    @Override
    public FaultRule addFault(FaultRule rule) {
        return faults.add(Objects.requireNonNull(rule, "rule"));
    }

    @Override
    public List<FaultRule> faults() {
        return faults.rules();
    }

    @Override
    public void clearFaults() {
        faults.clear();
    }

    @Override
    public void driveLabelingJob(String account, String region, String labelingJobName, LabelingJobAction action) {
        backend.driveLabelingJob(FakeSettings.requireAccount(account), FakeSettings.requireRegion(region),
                Objects.requireNonNull(labelingJobName, "labelingJobName"), Objects.requireNonNull(action, "action"));
    }

    @Override
    public void stub(String operation, StubAnswer answer) {
        Objects.requireNonNull(answer, "answer");
        stubs.put(operation, request -> answer);
    }

    /** Answers an operation the fake does not serve with a function of the request (docs/stubbing.md). */
    public void stub(String operation, OperationStub stub) {
        stubs.put(operation, stub);
    }

    /** The operations stubbed now, sorted. */
    public List<String> stubbedOperations() {
        return stubs.operations();
    }

    @Override
    public void clearStubs() {
        stubs.clear();
    }

    @Override
    public void setIamPolicy(String policyJson) {
        iam.setForEveryone(policyJson, "setIamPolicy");
    }

    @Override
    public void setIamPolicy(String accessKeyId, String policyJson) {
        iam.setFor(accessKeyId, policyJson, "setIamPolicy(" + accessKeyId + ")");
    }

    @Override
    public void clearIamPolicies() {
        iam.clear();
    }

    /** The policies in force, for the admin API and the server's --iam-policy. */
    public IamPolicies iamPolicies() {
        return iam;
    }

    @Override
    public void removeFault(String id) {
        if (!faults.remove(Objects.requireNonNull(id, "id"))) {
            throw new IllegalArgumentException("No fault rule has the Id '" + id + "'; faults() (GET /_fake/faults) "
                    + "lists the rules in force with their Ids.");
        }
    }

    @Override
    public int settleTransitions() {
        return backend.settleTransitions();
    }
}
