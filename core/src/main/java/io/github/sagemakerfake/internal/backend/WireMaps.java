package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading a validated request and building a response, in wire form (JSON trees of maps and lists). */
final class WireMaps {

    private WireMaps() {
    }

    static Map<String, Object> single(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    static String str(Map<String, Object> r, String key) {
        return (String) r.get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> r, String key) {
        return (Map<String, Object>) r.get(key);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> r, String key) {
        Object value = r.get(key);
        return value == null ? List.of() : (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    static Map<String, Object> copyOrNull(Map<String, Object> value) {
        return value == null ? null : Json.copy(value);
    }
}
