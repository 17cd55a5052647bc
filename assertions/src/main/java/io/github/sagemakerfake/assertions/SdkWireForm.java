package io.github.sagemakerfake.assertions;

import io.github.sagemakerfake.control.WorkforceSnapshot;
import io.github.sagemakerfake.control.WorkteamSnapshot;
import io.github.sagemakerfake.internal.json.WireTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.sagemaker.model.Workforce;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/**
 * Turns the SDK's model objects into the wire form the snapshots read, through the SDK's own field
 * metadata (each field's location name is its JSON member name). So an SDK {@code Workteam} and a
 * {@link WorkteamSnapshot} are asserted by one class with one vocabulary, and a member the SDK
 * adds later is carried over without a change here.
 */
final class SdkWireForm {

    private SdkWireForm() {
    }

    /** The team as a snapshot without tags (a Workteam response carries none); null stays null. */
    static WorkteamSnapshot workteam(Workteam workteam) {
        return workteam == null ? null : new WorkteamSnapshot(toWire(workteam), Map.of());
    }

    static WorkforceSnapshot workforce(Workforce workforce) {
        return workforce == null ? null : new WorkforceSnapshot(toWire(workforce));
    }

    static Map<String, Object> toWire(SdkPojo pojo) {
        Map<String, Object> wire = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap)) {
                wire.put(field.locationName(), wireValue(value));
            }
        }
        return wire;
    }

    private static Object wireValue(Object value) {
        if (value instanceof SdkPojo pojo) {
            return toWire(pojo);
        }
        if (value instanceof Instant instant) {
            return WireTime.epochSeconds(instant);
        }
        if (value instanceof List<?> list) {
            List<Object> wire = new ArrayList<>(list.size());
            list.forEach(element -> wire.add(wireValue(element)));
            return wire;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> wire = new LinkedHashMap<>();
            map.forEach((k, v) -> wire.put(String.valueOf(k), wireValue(v)));
            return wire;
        }
        return value; // strings (enums travel as strings), booleans, numbers
    }
}
