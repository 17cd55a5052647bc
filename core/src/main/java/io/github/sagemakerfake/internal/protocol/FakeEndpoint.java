package io.github.sagemakerfake.internal.protocol;

import io.github.sagemakerfake.internal.backend.WorkforceBackend;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.control.StateSnapshot;
import io.github.sagemakerfake.internal.json.Json;
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
    private final AwsJsonProtocol protocol;

    public FakeEndpoint(FakeSettings settings) {
        this.backend = new WorkforceBackend(Objects.requireNonNull(settings, "settings"));
        this.protocol = new AwsJsonProtocol(backend);
    }

    /** Answers one awsJson1_1 request. */
    public ProtocolResponse handle(ProtocolRequest request) {
        return protocol.handle(request);
    }

    public FakeSettings settings() {
        return backend.settings();
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
        protocol.faults().clear();
        backend.reset();
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
    public RegionSnapshot state(String account, String region) {
        return backend.snapshot(account, region);
    }

    @Override
    public List<JournalEntry> journal() {
        return backend.journal().entries();
    }

    @Override
    public void clearJournal() {
        backend.journal().clear();
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
        return protocol.faults().add(Objects.requireNonNull(rule, "rule"));
    }

    @Override
    public List<FaultRule> faults() {
        return protocol.faults().rules();
    }

    @Override
    public void clearFaults() {
        protocol.faults().clear();
    }
}
