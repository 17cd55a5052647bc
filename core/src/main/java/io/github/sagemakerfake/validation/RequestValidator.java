package io.github.sagemakerfake.validation;
import java.util.Map;
// TEMP STUB - replaced by the validation branch
public final class RequestValidator {
    public static void validate(String shape, Map<String, Object> body) { }
}
