package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.control.FakeLimits;
import io.github.sagemakerfake.control.Lifecycle;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * From each {@link Operation} of the registry to its one {@link Handler}, collected from the
 * {@link ResourceFamily resource families}. Built once per fake; a registry entry without a handler,
 * or with two, fails the build of the fake at once, naming it.
 */
final class OperationDispatch {

    /** How a family registers its handlers. */
    interface Registrar {
        void on(Operation operation, Handler handler);
    }

    private final EnumMap<Operation, Handler> handlers = new EnumMap<>(Operation.class);

    OperationDispatch(FakeLimits limits, Lifecycle lifecycle, IdSource ids) {
        Tags tags = new Tags(limits);
        List<ResourceFamily> families = List.of(
                new Workforces(limits, lifecycle, tags, ids),
                new Workteams(limits, lifecycle, tags, ids),
                tags,
                new SubscribedWorkteams(),
                new LabelingJobs(lifecycle, tags, ids),
                new FlowDefinitions(lifecycle, tags),
                new HumanTaskUis(tags, ids));
        for (ResourceFamily family : families) {
            family.register((operation, handler) -> {
                if (handlers.putIfAbsent(operation, handler) != null) {
                    throw new IllegalStateException(operation.wireName() + " has two handlers; the second is in "
                            + family.getClass().getSimpleName());
                }
            });
        }
        Set<Operation> missing = EnumSet.complementOf(EnumSet.copyOf(handlers.keySet()));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No handler for " + missing + "; each operation of the registry needs "
                    + "one in its resource family (docs/architecture.md)");
        }
    }

    /** Runs the operation's handler; the region is locked and settled by the caller. */
    Map<String, Object> handle(Operation op, RegionState state, Map<String, Object> request, Instant now,
                               String provisioningFailure) {
        return handlers.get(op).handle(state, request, now, provisioningFailure);
    }
}
