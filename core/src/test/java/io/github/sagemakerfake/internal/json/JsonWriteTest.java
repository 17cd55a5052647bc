package io.github.sagemakerfake.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The writer escapes exactly what it must, whatever mix of plain and special characters a string
 * holds, and what it writes reads back as the same tree.
 */
class JsonWriteTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(Json.write("a\"b\\c\nd\re\tf\bg\fh\u0001i")).isEqualTo(
                "\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\"");
    }

    @Test
    void escapesLineAndParagraphSeparatorsAndLoneSurrogatesButNotPairs() {
        assertThat(Json.write("x\u2028y\u2029z")).isEqualTo("\"x\\u2028y\\u2029z\"");
        assertThat(Json.write("\ud800")).isEqualTo("\"\\ud800\"");
        assertThat(Json.write("a\udc00b")).isEqualTo("\"a\\udc00b\"");
        assertThat(Json.write("smile \ud83d\ude00 end")).isEqualTo("\"smile \ud83d\ude00 end\"");
        assertThat(Json.write("中文 é ü \u202a")).isEqualTo("\"中文 é ü \u202a\"");
    }

    @Test
    void writesStringsWithoutEscapesAsTheyAre() {
        assertThat(Json.write("")).isEqualTo("\"\"");
        assertThat(Json.write("arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/t"))
                .isEqualTo("\"arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/t\"");
    }

    @Test
    void randomStringsWriteAsTheCharacterByCharacterRuleSaysAndReadBack() {
        Random random = new Random(26);
        char[] alphabet = {'a', 'Z', '0', ' ', '"', '\\', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u001f', '\u007f',
            'é', '中', '\u2028', '\u2029', '\u202f', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00'};
        for (int n = 0; n < 5_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String value = s.toString();
            String written = Json.write(value);
            assertThat(written).as("writing %s", escapedForMessage(value)).isEqualTo(charByChar(value));
            assertThat(Json.parse(written)).isEqualTo(value);
            assertThat(Json.parse(Json.writeBytes(value))).isEqualTo(value);
        }
    }

    @Test
    void aLargeDocumentAndTheNextSmallOneAreBothWhole() {
        Map<String, Object> big = new LinkedHashMap<>();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            items.add("item-" + i);
        }
        big.put("Items", items);
        String written = Json.write(big);
        assertThat(Json.parse(written)).isEqualTo(big);
        Map<String, Object> small = Map.of("Name", "x");
        assertThat(Json.write(small)).isEqualTo("{\"Name\":\"x\"}");
        assertThat(new String(Json.writeBytes(small), StandardCharsets.UTF_8)).isEqualTo("{\"Name\":\"x\"}");
    }

    /** The rule, one character at a time, as the writer applied it before it copied runs at once. */
    private static String charByChar(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean paired = Character.isHighSurrogate(c) ? i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))
                            : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || (Character.isSurrogate(c) && !paired)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String escapedForMessage(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }
}
