package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One private work team. Guarded by its {@link RegionState}'s lock. */
final class WorkteamRecord {

    /** CreateDate (to the millisecond, as the wire shows it), then name: unique, since names are. */
    static final Comparator<WorkteamRecord> BY_CREATE_DATE =
            Comparator.<WorkteamRecord>comparingLong(t -> t.createDate.toEpochMilli()).thenComparing(t -> t.name);

    final String name;
    final String arn;
    final String workforceArn;
    final String subDomain;
    final Instant createDate;
    Instant lastUpdatedDate;
    String description;
    List<Object> memberDefinitions;
    Map<String, Object> notificationConfiguration; // null when never set; {} once an update removed the topic
    Map<String, Object> workerAccessConfiguration; // null when never set
    final Map<String, String> tags = new LinkedHashMap<>();

    WorkteamRecord(String name, String arn, String workforceArn, String subDomain, Instant createDate) {
        this.name = name;
        this.arn = arn;
        this.workforceArn = workforceArn;
        this.subDomain = subDomain;
        this.createDate = createDate;
        this.lastUpdatedDate = createDate;
    }

    /**
     * The Workteam structure as DescribeWorkteam and ListWorkteams return it. Its nested trees are
     * the team's own, frozen once (docs/benchmarks.md, "The server's tail"): the backend only ever
     * replaces them whole, so a frozen tree is the team's value until the next update, and a
     * describe shares it instead of copying it.
     */
    Map<String, Object> toWire() {
        memberDefinitions = Json.freeze(memberDefinitions);
        notificationConfiguration = Json.freeze(notificationConfiguration);
        workerAccessConfiguration = Json.freeze(workerAccessConfiguration);
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("WorkteamName", name);
        wire.put("MemberDefinitions", memberDefinitions);
        wire.put("WorkteamArn", arn);
        wire.put("WorkforceArn", workforceArn);
        wire.put("Description", description);
        wire.put("SubDomain", subDomain);
        wire.put("CreateDate", WireTime.epochSeconds(createDate));
        wire.put("LastUpdatedDate", WireTime.epochSeconds(lastUpdatedDate));
        if (notificationConfiguration != null) {
            wire.put("NotificationConfiguration", notificationConfiguration);
        }
        if (workerAccessConfiguration != null) {
            wire.put("WorkerAccessConfiguration", workerAccessConfiguration);
        }
        return wire;
    }
}
