package io.github.sagemakerfake.validation;
import java.util.List;
// TEMP STUB
public class RequestValidationException extends RuntimeException {
    public RequestValidationException(String m) { super(m); }
    public List<String> violations() { return List.of(); }
}
