package io.github.sagemakerfake.validation;
// TEMP STUB
public class RequestSerializationException extends RuntimeException {
    public RequestSerializationException(String m) { super(m); }
}
