package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.error.ServiceError;

import java.time.Instant;
import java.util.Map;

/**
 * The rules of one operation: reads and changes one region's state, under its lock, for a request
 * already validated against the model.
 */
@FunctionalInterface
interface Handler {

    /**
     * @param state               the region's state, locked and settled to {@code now}
     * @param request             the request body in wire form, valid against the operation's input shape
     * @param now                 the fake clock at this request
     * @param provisioningFailure when not null, a workforce, labeling job or flow definition this request
     *                            creates or updates ends {@code Failed} with this FailureReason (a fault
     *                            rule asked for it)
     * @return the response body in wire form
     * @throws ServiceError the error the service would answer with
     */
    Map<String, Object> handle(RegionState state, Map<String, Object> request, Instant now, String provisioningFailure);
}
