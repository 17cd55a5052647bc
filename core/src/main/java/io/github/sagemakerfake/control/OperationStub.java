package io.github.sagemakerfake.control;

/**
 * An answer for an operation the fake does not serve, computed from the request (in process only;
 * over HTTP a stub is a fixed {@link StubAnswer}). See docs/stubbing.md.
 *
 * <pre>{@code
 * fake.stub("CreateModel", requestJson -> StubAnswer.json("{\"ModelArn\":\"arn:aws:sagemaker:us-east-1:123456789012:model/m\"}"));
 * }</pre>
 */
@FunctionalInterface
public interface OperationStub {

    /**
     * @param requestJson the request body as the client sent it (a JSON object)
     * @return the answer; an exception thrown here answers as the service's InternalFailure (HTTP 500)
     */
    StubAnswer answer(String requestJson);
}
