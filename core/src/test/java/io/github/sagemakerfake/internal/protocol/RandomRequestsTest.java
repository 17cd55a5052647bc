package io.github.sagemakerfake.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.internal.backend.Operation;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.validation.SageMakerShapes;
import io.github.sagemakerfake.internal.validation.Shape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Robustness: thousands of requests built from the model's shapes, most of them well-formed and
 * some bent (wrong types, nulls, odd numbers, garbage text), against one fake. Whatever arrives,
 * the fake answers 200 or an AWS error with HTTP 400, never an internal failure, and never throws.
 * The seed is fixed, so a failure reproduces.
 */
class RandomRequestsTest {

    private static final String[] NAMES = {"alpha", "beta", "default", "team-1", "x"};
    private static final String[] ODD_TEXT = {"", " ", "my_team", "\u0000", "é", "\ud83d\ude00", "a".repeat(300),
        "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/alpha",
        "arn:aws:sagemaker:us-east-1:123456789012:workforce/default",
        "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/", "us-east-1_Pool1", "10.0.0.0/8",
        "2001:db8::/32", "https://idp.example.com", "Name", "CreateDate", "Descending", "Enabled", "dualstack"};

    private final Random random = new Random(20261121L);
    private final FakeEndpoint fake = new FakeEndpoint(FakeSettings.defaults()
            .withLimits(FakeSettings.defaults().limits().withMaxWorkteams(5)));

    @Test
    void everyRequestGetsAServiceAnswer() {
        Operation[] operations = Operation.values();
        int answered = 0;
        for (int i = 0; i < 6_000; i++) {
            Operation op = operations[random.nextInt(operations.length)];
            Object body = random.nextInt(50) == 0 ? odd(0) : value(op.inputShape(), 0);
            ProtocolResponse response = fake.handle(new ProtocolRequest("POST", "/", "",
                    Map.of("Content-Type", List.of("application/x-amz-json-1.1"),
                            "X-Amz-Target", List.of("SageMaker." + op.wireName())),
                    Json.writeBytes(body)));
            assertThat(response.statusCode()).as("%s %s -> %s", op.wireName(), Json.write(body),
                    new String(response.body())).isIn(200, 400);
            if (response.statusCode() == 400) {
                @SuppressWarnings("unchecked")
                Map<String, Object> error = (Map<String, Object>) Json.parse(response.body());
                assertThat(error).containsKeys("__type", "message");
            } else {
                answered++;
            }
        }
        assertThat(answered).as("some requests were well-formed enough to succeed").isGreaterThan(300);
        assertThat(fake.state().workteams()).hasSizeLessThanOrEqualTo(5);
    }

    private Object value(String shapeName, int depth) {
        if (random.nextInt(25) == 0) {
            return odd(depth);
        }
        Shape shape = SageMakerShapes.shape(shapeName);
        switch (shape.type()) {
            case STRUCTURE -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Shape.Member m : shape.members()) {
                    if (m.required() ? random.nextInt(20) != 0 : random.nextInt(3) == 0) {
                        map.put(m.name(), depth > 6 ? null : value(m.target(), depth + 1));
                    }
                }
                return map;
            }
            case LIST -> {
                List<Object> list = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    list.add(value(shape.listMember(), depth + 1));
                }
                return list;
            }
            case MAP -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    map.put("k" + random.nextInt(5), value(shape.mapValue(), depth + 1));
                }
                return map;
            }
            case STRING -> {
                if (shape.enumValues() != null && random.nextInt(4) != 0) {
                    return shape.enumValues().get(random.nextInt(shape.enumValues().size()));
                }
                return random.nextBoolean() ? NAMES[random.nextInt(NAMES.length)] : ODD_TEXT[random.nextInt(ODD_TEXT.length)];
            }
            case INTEGER, LONG -> {
                return BigDecimal.valueOf(random.nextInt(120) - 10);
            }
            case BOOLEAN -> {
                return random.nextBoolean();
            }
            case TIMESTAMP -> {
                return BigDecimal.valueOf(1_700_000_000_000L + random.nextInt(1_000_000), 3);
            }
            default -> {
                return odd(depth);
            }
        }
    }

    private Object odd(int depth) {
        return switch (random.nextInt(9)) {
            case 0 -> null;
            case 1 -> ODD_TEXT[random.nextInt(ODD_TEXT.length)];
            case 2 -> new BigDecimal("1e400");
            case 3 -> new BigDecimal("2147483648");
            case 4 -> new BigDecimal("-0.5");
            case 5 -> Boolean.TRUE;
            case 6 -> depth > 4 ? new ArrayList<>() : new ArrayList<>(Arrays.asList(odd(depth + 1), odd(depth + 1)));
            case 7 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("Key", depth > 4 ? null : odd(depth + 1));
                yield map;
            }
            default -> new LinkedHashMap<String, Object>();
        };
    }
}
