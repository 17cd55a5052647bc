package io.github.sagemakerfake.internal.protocol;

import io.github.sagemakerfake.control.OperationStub;
import io.github.sagemakerfake.internal.backend.Operation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The stubs in force: answers for operations the fake does not serve (docs/stubbing.md). */
public final class StubRegistry {

    /** An awsJson1_1 operation name: SageMaker's are UpperCamelCase. */
    private static final Pattern OPERATION_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,127}");

    private final Map<String, OperationStub> stubs = new ConcurrentHashMap<>();

    public void put(String operation, OperationStub stub) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(stub, "stub");
        if (Operation.fromWireName(operation) != null) {
            throw new IllegalArgumentException(operation + " is served by the SageMaker Workforce Fake itself and "
                    + "cannot be stubbed; to make it fail, add a fault rule (FaultRule.forOperation(\"" + operation
                    + "\")).");
        }
        if (!OPERATION_NAME.matcher(operation).matches()) {
            throw new IllegalArgumentException("'" + operation + "' is not an operation name such as CreateModel (the "
                    + "part of X-Amz-Target after \"SageMaker.\").");
        }
        stubs.put(operation, stub);
    }

    /** The stub for this operation, or null. */
    public OperationStub get(String operation) {
        return stubs.get(operation);
    }

    public List<String> operations() {
        return stubs.keySet().stream().sorted().toList();
    }

    public void clear() {
        stubs.clear();
    }
}
