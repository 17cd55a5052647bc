package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.json.WireTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One worker task template (human task UI, docs/labeling.md). Guarded by its {@link RegionState}'s
 * lock. Active from its creation; DeleteHumanTaskUi removes it at once. Plain data: the template
 * content is kept (DescribeHumanTaskUi returns only its digest and a URL).
 */
final class HumanTaskUiRecord {

    static final String ACTIVE = "Active";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    final String name;
    final String arn;
    Instant creationTime;
    final String content;
    final String contentSha256;
    final Map<String, String> tags = new LinkedHashMap<>();

    HumanTaskUiRecord(String name, String arn, Instant creationTime, String content) {
        this.name = name;
        this.arn = arn;
        this.creationTime = creationTime;
        this.content = content;
        this.contentSha256 = sha256(content);
    }

    /** Decision (docs/fidelity.md): the lower-case hex SHA-256 of the template's UTF-8 bytes. */
    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /**
     * DescribeHumanTaskUi's answer, with a fresh pre-signed-looking URL each time (decision); its
     * signature comes from the id source, so it repeats with an id seed (docs/seeding.md).
     */
    Map<String, Object> toWire(String region, String account, Instant now, IdSource ids) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("HumanTaskUiArn", arn);
        wire.put("HumanTaskUiName", name);
        wire.put("HumanTaskUiStatus", ACTIVE);
        wire.put("CreationTime", WireTime.epochSeconds(creationTime));
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("Url", url(region, account, now, ids));
        template.put("ContentSha256", contentSha256);
        wire.put("UiTemplate", template);
        return wire;
    }

    Map<String, Object> toSummary() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("HumanTaskUiName", name);
        wire.put("HumanTaskUiArn", arn);
        wire.put("CreationTime", WireTime.epochSeconds(creationTime));
        return wire;
    }

    private String url(String region, String account, Instant now, IdSource ids) {
        return "https://sagemaker-human-task-ui-" + region + ".s3." + region + ".amazonaws.com/" + account + "/"
                + name + "/template.liquid?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=" + AMZ_DATE.format(now)
                + "&X-Amz-Expires=3600&X-Amz-Signature=" + ids.urlSignature();
    }
}
