package io.github.sagemakerfake.internal.protocol;

import java.util.function.Supplier;

/**
 * An accepted request, not answered yet: the first phase of {@link FakeEndpoint#accept} has routed
 * it, parsed it, authenticated it and picked its fault rule; {@link #complete()} runs the operation
 * and records the journal entry. Between the two, the transport waits {@link #delayNanos()} the
 * way it can: the HTTP server schedules the completion on its event loop, the async in-memory
 * client on a timer, and only the sync in-memory client (whose caller is waiting anyway) sleeps.
 */
public final class PendingResponse {

    private final String requestId;
    private final long delayNanos;
    private final Supplier<ProtocolResponse> completion;
    private boolean completed;

    PendingResponse(String requestId, long delayNanos, Supplier<ProtocolResponse> completion) {
        this.requestId = requestId;
        this.delayNanos = delayNanos;
        this.completion = completion;
    }

    /** An answer known at once (e.g. a refusal), with no delay. */
    static PendingResponse immediate(String requestId, ProtocolResponse response) {
        return new PendingResponse(requestId, 0, () -> response);
    }

    public String requestId() {
        return requestId;
    }

    /** How long a latency fault asks the transport to wait before {@link #complete()}; 0 for none. */
    public long delayNanos() {
        return delayNanos;
    }

    /** Runs the request and returns its answer; call once, after the delay. */
    public synchronized ProtocolResponse complete() {
        if (completed) {
            throw new IllegalStateException("request " + requestId + " was already completed");
        }
        completed = true;
        return completion.get();
    }

    /** Waits the delay on this thread, then completes: for callers that block anyway. */
    public ProtocolResponse awaitAndComplete() {
        long remaining = delayNanos;
        long deadline = System.nanoTime() + remaining;
        boolean interrupted = false;
        while (remaining > 0) {
            try {
                Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
                break; // a cancelled caller gets its answer now rather than never
            }
            remaining = deadline - System.nanoTime();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return complete();
    }
}
