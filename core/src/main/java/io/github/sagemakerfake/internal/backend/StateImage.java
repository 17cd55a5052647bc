package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.internal.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state document: the fake's whole state as data, and back. It is the state itself, not a
 * seed: every field a client or the control surface can read is kept as it is (dates to the
 * nanosecond, ARNs, SubDomains, VpcEndpointIds, statuses with the transition in progress,
 * FailureReason, the OIDC client secret, whether the workforce was created implicitly, tag and
 * list orders), plus the clock and the id sequence. Exporting, then restoring into a fake with the
 * same settings, gives a fake no client can tell from the first (docs/server.md, "The state file").
 *
 * <p>The document (version {@value #VERSION}; {@code internal.persistence.StateDocuments} reads
 * every version):
 * <pre>
 * {"StateFileVersion": 2, "DefaultAccount", "DefaultRegion", "Clock": {"Now", "Advanced"}, "Ids": {"Seed", "Drawn"},
 *  "Scope": {"Account", "Region"} (only for one account and region),
 *  "Regions": [{"Account", "Region", "Workforce", "Workteams", "SubscribedWorkteams", "LabelingJobs", "Labeling"}]}
 * </pre>
 *
 * <p><b>Extension point.</b> Each resource family of a region is one {@link Part}: its member name,
 * how it is written and how it is read back ({@link LabelingPart} keeps the labeling plane). A new
 * family adds one {@code Part} to {@link #PARTS}, keeps its state in {@link RegionState}, and lists
 * its member in docs/server.md; the version stays the same as long as older documents (without the
 * member) still read. A member this fake does not know is refused, so a document written by a
 * newer fake is never silently cut down.
 */
final class StateImage {

    /** The version of the document this class writes; 1 was the seed form (read by the seed rules). */
    static final int VERSION = 2;

    /** One resource family of a region: written to, and read back from, one member of the region's document. */
    interface Part {
        String member();

        /** The member's value, or null to leave it out; called under the region's lock. */
        Object write(RegionState state, IdSource ids);

        /** Puts the member's value (never null) into a fresh region state. */
        void read(Reader in, Object value, RegionState state, IdSource ids);
    }

    static final List<Part> PARTS = List.of(new WorkforcePart(), new WorkteamsPart(), new SubscribedPart(),
            new SeededLabelingJobsPart(), new LabelingPart());

    private static final Set<String> TOP_MEMBERS = Set.of("StateFileVersion", "DefaultAccount", "DefaultRegion",
            "Clock", "Ids", "Scope", "Regions");

    private StateImage() {
    }

    // ------------------------------------------------------------------------------ export

    /** The document and the read-only views of the same instant: each region's both read under one lock. */
    record Both(Map<String, Object> document, List<RegionSnapshot> views) {
    }

    static Map<String, Object> export(WorkforceBackend backend, Instant now, String scopeAccount, String scopeRegion) {
        return exportWithViews(backend, now, scopeAccount, scopeRegion, false).document();
    }

    static Both exportWithViews(WorkforceBackend backend, Instant now, String scopeAccount, String scopeRegion,
                                boolean views) {
        FakeSettings settings = backend.settings();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("StateFileVersion", VERSION);
        document.put("DefaultAccount", settings.defaultAccount());
        document.put("DefaultRegion", settings.defaultRegion());
        Map<String, Object> clock = new LinkedHashMap<>();
        clock.put("Now", now.toString());
        clock.put("Advanced", settings.clock().advancedBy().toString());
        document.put("Clock", clock);
        if (backend.ids().seed() != null) {
            Map<String, Object> ids = new LinkedHashMap<>();
            ids.put("Seed", backend.ids().seed());
            ids.put("Drawn", backend.ids().drawn());
            document.put("Ids", ids);
        }
        if (scopeAccount != null) {
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put("Account", scopeAccount);
            scope.put("Region", scopeRegion);
            document.put("Scope", scope);
        }
        List<Map<String, Object>> regions = new ArrayList<>();
        List<RegionSnapshot> snapshots = new ArrayList<>();
        for (RegionState state : backend.regionStates()) {
            if (scopeAccount != null && !(state.account.equals(scopeAccount) && state.region.equals(scopeRegion))) {
                continue;
            }
            state.lock.lock();
            try {
                if (state.retired) {
                    continue;
                }
                state.settle(now);
                if (state.isEmpty()) {
                    continue;
                }
                Map<String, Object> region = new LinkedHashMap<>();
                region.put("Account", state.account);
                region.put("Region", state.region);
                for (Part part : PARTS) {
                    region.put(part.member(), part.write(state, backend.ids()));
                }
                regions.add(region);
                if (views) {
                    snapshots.add(state.snapshot(now)); // the lock is reentrant: the same instant as the document
                }
            } finally {
                state.lock.unlock();
            }
        }
        regions.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("Account"))
                .thenComparing(r -> (String) r.get("Region")));
        snapshots.sort(Comparator.comparing(RegionSnapshot::account).thenComparing(RegionSnapshot::region));
        document.put("Regions", regions);
        return new Both(document, snapshots);
    }

    // ------------------------------------------------------------------------------ restore

    static void restore(WorkforceBackend backend, Map<String, Object> document) {
        Reader in = new Reader();
        for (String member : document.keySet()) {
            if (!TOP_MEMBERS.contains(member)) {
                throw in.fail(member, "is not a member of a state document (it has " + new TreeSet<>(TOP_MEMBERS)
                        + "); was the document written by a newer version of the fake?");
            }
        }
        Object version = document.get("StateFileVersion");
        if (version != null && !(version instanceof Number n && n.doubleValue() == VERSION)) {
            throw in.fail("StateFileVersion", "is " + Json.write(version) + "; this reader takes version " + VERSION
                    + " (StateDocuments reads every version).");
        }
        String scopeKey = null;
        if (document.get("Scope") != null) {
            Map<String, Object> scope = in.object(document.get("Scope"), "Scope");
            scopeKey = in.account(scope.get("Account"), "Scope.Account") + "/"
                    + in.region(scope.get("Region"), "Scope.Region");
        }
        Instant clockNow = null;
        Duration clockAdvanced = null;
        if (document.get("Clock") != null) {
            Map<String, Object> clock = in.object(document.get("Clock"), "Clock");
            in.only(clock, "Clock", "Now", "Advanced");
            clockNow = in.instant(clock.get("Now"), "Clock.Now", false);
            clockAdvanced = in.duration(clock.get("Advanced"), "Clock.Advanced");
        }
        Long drawn = null;
        if (document.get("Ids") != null) {
            Map<String, Object> ids = in.object(document.get("Ids"), "Ids");
            in.only(ids, "Ids", "Seed", "Drawn");
            drawn = in.whole(ids.get("Drawn"), "Ids.Drawn");
        }
        List<RegionState> restored = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        List<Object> regions = in.list(document.getOrDefault("Regions", List.of()), "Regions");
        for (int i = 0; i < regions.size(); i++) {
            String where = "Regions[" + i + "]";
            RegionState state = readRegion(in, in.object(regions.get(i), where), where, backend.ids());
            String key = state.account + "/" + state.region;
            if (!seen.add(key)) {
                throw in.fail(where, "repeats account " + state.account + " and region " + state.region
                        + "; each pair appears once.");
            }
            if (scopeKey != null && !scopeKey.equals(key)) {
                throw in.fail(where, "is account " + state.account + " region " + state.region
                        + ", outside the document's Scope " + scopeKey + ".");
            }
            if (!state.isEmpty()) {
                restored.add(state);
            }
        }
        // Everything is read and checked: now change the fake.
        FakeClock clock = backend.settings().clock();
        if (clock.isManual() && clockNow != null) {
            Duration behind = Duration.between(clock.now(), clockNow);
            if (!behind.isNegative() && !behind.isZero()) {
                clock.advance(behind);
            }
        } else if (!clock.isManual() && clockAdvanced != null) {
            Duration behind = clockAdvanced.minus(clock.advancedBy());
            if (!behind.isNegative() && !behind.isZero()) {
                clock.advance(behind);
            }
        }
        if (drawn != null) {
            backend.ids().continueAfter(drawn);
        }
        backend.replaceRegions(scopeKey, restored);
    }

    private static RegionState readRegion(Reader in, Map<String, Object> map, String where, IdSource ids) {
        Set<String> members = new TreeSet<>(Set.of("Account", "Region"));
        PARTS.forEach(p -> members.add(p.member()));
        for (String member : map.keySet()) {
            if (!members.contains(member)) {
                throw in.fail(where + "." + member, "is not a member of a region (it has " + members
                        + "); was the document written by a newer version of the fake?");
            }
        }
        RegionState state = new RegionState(in.account(map.get("Account"), where + ".Account"),
                in.region(map.get("Region"), where + ".Region"));
        in.prefix = where + ".";
        try {
            for (Part part : PARTS) {
                Object value = map.get(part.member());
                if (value != null) {
                    part.read(in, value, state, ids);
                }
            }
            if (!state.workteams.isEmpty() && state.workforce == null) {
                throw in.fail("Workteams", "has work teams but the region has no Workforce; a work team "
                        + "always belongs to its region's workforce.");
            }
        } finally {
            in.prefix = "";
        }
        return state;
    }

    // ------------------------------------------------------------------------------ the parts

    /** The private workforce, with what DescribeWorkforce never shows (client secret, transition, implicit). */
    private static final class WorkforcePart implements Part {
        private static final Set<String> MEMBERS = Set.of("WorkforceName", "WorkforceArn", "SubDomain", "CreateDate",
                "LastUpdatedDate", "CognitoConfig", "OidcConfig", "SourceIpConfig", "WorkforceVpcConfig",
                "VpcEndpointId", "IpAddressType", "Tags", "Implicit", "Status", "FailureReason", "Transition");
        private static final Set<String> STATUSES = Set.of(WorkforceRecord.INITIALIZING, WorkforceRecord.UPDATING,
                WorkforceRecord.DELETING, WorkforceRecord.ACTIVE, WorkforceRecord.FAILED);

        @Override
        public String member() {
            return "Workforce";
        }

        @Override
        public Object write(RegionState state, IdSource ids) {
            WorkforceRecord wf = state.workforce;
            if (wf == null) {
                return null;
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("WorkforceName", wf.name);
            map.put("WorkforceArn", wf.arn);
            map.put("SubDomain", wf.subDomain);
            map.put("CreateDate", wf.createDate.toString());
            map.put("LastUpdatedDate", wf.lastUpdatedDate.toString());
            map.put("CognitoConfig", Json.freeze(wf.cognitoConfig));
            map.put("OidcConfig", Json.freeze(wf.oidcConfig)); // with its ClientSecret, which no response shows
            Map<String, Object> sourceIp = new LinkedHashMap<>();
            sourceIp.put("Cidrs", Json.freeze(wf.cidrs));
            map.put("SourceIpConfig", sourceIp);
            map.put("WorkforceVpcConfig", Json.freeze(wf.vpcConfig));
            map.put("VpcEndpointId", wf.vpcEndpointId);
            map.put("IpAddressType", wf.ipAddressType);
            map.put("Tags", RegionSnapshot.tagList(wf.tags));
            map.put("Implicit", wf.implicit);
            map.putAll(wf.statusState());
            return map;
        }

        @Override
        public void read(Reader in, Object value, RegionState state, IdSource ids) {
            String w = "Workforce";
            Map<String, Object> map = in.object(value, w);
            in.only(map, w, MEMBERS);
            WorkforceRecord wf = new WorkforceRecord(in.text(map.get("WorkforceName"), w + ".WorkforceName"),
                    in.text(map.get("WorkforceArn"), w + ".WorkforceArn"), in.text(map.get("SubDomain"), w + ".SubDomain"),
                    in.instant(map.get("CreateDate"), w + ".CreateDate", true));
            wf.ids = ids;
            wf.lastUpdatedDate = in.instant(map.get("LastUpdatedDate"), w + ".LastUpdatedDate", true);
            wf.cognitoConfig = in.optionalObject(map.get("CognitoConfig"), w + ".CognitoConfig");
            wf.oidcConfig = in.optionalObject(map.get("OidcConfig"), w + ".OidcConfig");
            if ((wf.cognitoConfig == null) == (wf.oidcConfig == null)) {
                throw in.fail(w, "needs exactly one of CognitoConfig or OidcConfig.");
            }
            Map<String, Object> sourceIp = in.optionalObject(map.get("SourceIpConfig"), w + ".SourceIpConfig");
            wf.cidrs = sourceIp == null ? new ArrayList<>()
                    : in.texts(sourceIp.getOrDefault("Cidrs", List.of()), w + ".SourceIpConfig.Cidrs");
            wf.vpcConfig = in.optionalObject(map.get("WorkforceVpcConfig"), w + ".WorkforceVpcConfig");
            wf.vpcEndpointId = in.optionalText(map.get("VpcEndpointId"), w + ".VpcEndpointId");
            if (map.get("IpAddressType") != null) {
                wf.ipAddressType = in.text(map.get("IpAddressType"), w + ".IpAddressType");
            }
            wf.tags.putAll(in.tags(map.get("Tags"), w + ".Tags"));
            wf.implicit = Boolean.TRUE.equals(in.optionalBoolean(map.get("Implicit"), w + ".Implicit"));
            String status = in.optionalText(map.get("Status"), w + ".Status");
            status = status == null ? WorkforceRecord.ACTIVE : status;
            if (!STATUSES.contains(status)) {
                throw in.fail(w + ".Status", "is '" + status + "'; it is one of " + new TreeSet<>(STATUSES) + ".");
            }
            String failureReason = in.optionalText(map.get("FailureReason"), w + ".FailureReason");
            boolean transitional = !WorkforceRecord.ACTIVE.equals(status) && !WorkforceRecord.FAILED.equals(status);
            Map<String, Object> transition = in.optionalObject(map.get("Transition"), w + ".Transition");
            if (transitional != (transition != null)) {
                throw in.fail(w + ".Transition", transitional ? "is needed while the status is " + status
                        + ": {\"Kind\": \"OBSERVED\", \"ReadsLeft\": 1} or {\"Kind\": \"TIMED\", \"EndsAt\": ...}."
                        : "is only for a status in transition (Initializing, Updating, Deleting).");
            }
            if (transition == null) {
                wf.restoreStatus(status, failureReason, null, null, null, 0, null);
            } else {
                String t = w + ".Transition";
                in.only(transition, t, Set.of("Kind", "SettlesTo", "FailureReason", "ReadsLeft", "EndsAt"));
                Lifecycle.Kind kind;
                try {
                    kind = Lifecycle.Kind.valueOf(in.text(transition.get("Kind"), t + ".Kind"));
                } catch (IllegalArgumentException e) {
                    throw in.fail(t + ".Kind", "is one of OBSERVED or TIMED.");
                }
                String settlesTo = in.optionalText(transition.get("SettlesTo"), t + ".SettlesTo");
                if (settlesTo != null && !WorkforceRecord.ACTIVE.equals(settlesTo)
                        && !WorkforceRecord.FAILED.equals(settlesTo)) {
                    throw in.fail(t + ".SettlesTo", "is Active or Failed.");
                }
                int reads = kind == Lifecycle.Kind.OBSERVED
                        ? (int) Math.min(Integer.MAX_VALUE, in.whole(transition.get("ReadsLeft"), t + ".ReadsLeft")) : 0;
                Instant endsAt = kind == Lifecycle.Kind.TIMED ? in.instant(transition.get("EndsAt"), t + ".EndsAt", true)
                        : null;
                wf.restoreStatus(status, failureReason, kind, settlesTo,
                        in.optionalText(transition.get("FailureReason"), t + ".FailureReason"), reads, endsAt);
            }
            state.workforce = wf;
        }
    }

    /** The private work teams, in name order (their list orders follow from CreateDate and name). */
    private static final class WorkteamsPart implements Part {
        private static final Set<String> MEMBERS = Set.of("WorkteamName", "WorkteamArn", "WorkforceArn", "SubDomain",
                "CreateDate", "LastUpdatedDate", "Description", "MemberDefinitions", "NotificationConfiguration",
                "WorkerAccessConfiguration", "Tags");

        @Override
        public String member() {
            return "Workteams";
        }

        @Override
        public Object write(RegionState state, IdSource ids) {
            List<Object> teams = new ArrayList<>(state.workteams.size());
            for (WorkteamRecord team : state.workteams.values()) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("WorkteamName", team.name);
                map.put("WorkteamArn", team.arn);
                map.put("WorkforceArn", team.workforceArn);
                map.put("SubDomain", team.subDomain);
                map.put("CreateDate", team.createDate.toString());
                map.put("LastUpdatedDate", team.lastUpdatedDate.toString());
                map.put("Description", team.description);
                map.put("MemberDefinitions", Json.freeze(team.memberDefinitions));
                map.put("NotificationConfiguration", Json.freeze(team.notificationConfiguration)); // {} differs from none
                map.put("WorkerAccessConfiguration", Json.freeze(team.workerAccessConfiguration));
                map.put("Tags", RegionSnapshot.tagList(team.tags));
                teams.add(map);
            }
            return teams;
        }

        @Override
        public void read(Reader in, Object value, RegionState state, IdSource ids) {
            List<Object> teams = in.list(value, "Workteams");
            for (int i = 0; i < teams.size(); i++) {
                String w = "Workteams[" + i + "]";
                Map<String, Object> map = in.object(teams.get(i), w);
                in.only(map, w, MEMBERS);
                WorkteamRecord team = new WorkteamRecord(in.text(map.get("WorkteamName"), w + ".WorkteamName"),
                        in.text(map.get("WorkteamArn"), w + ".WorkteamArn"),
                        in.text(map.get("WorkforceArn"), w + ".WorkforceArn"),
                        in.text(map.get("SubDomain"), w + ".SubDomain"),
                        in.instant(map.get("CreateDate"), w + ".CreateDate", true));
                team.lastUpdatedDate = in.instant(map.get("LastUpdatedDate"), w + ".LastUpdatedDate", true);
                team.description = in.optionalText(map.get("Description"), w + ".Description");
                team.memberDefinitions = Json.copy(in.list(map.getOrDefault("MemberDefinitions", List.of()),
                        w + ".MemberDefinitions"));
                team.notificationConfiguration = in.optionalObject(map.get("NotificationConfiguration"),
                        w + ".NotificationConfiguration");
                team.workerAccessConfiguration = in.optionalObject(map.get("WorkerAccessConfiguration"),
                        w + ".WorkerAccessConfiguration");
                team.tags.putAll(in.tags(map.get("Tags"), w + ".Tags"));
                if (state.workteams.containsKey(team.name)) {
                    throw in.fail(w, "repeats work team " + team.name + ".");
                }
                state.putWorkteam(team);
            }
        }
    }

    /** Vendor teams the account subscribes to, in their order (SubscribedWorkteam wire form). */
    private static final class SubscribedPart implements Part {
        @Override
        public String member() {
            return "SubscribedWorkteams";
        }

        @Override
        public Object write(RegionState state, IdSource ids) {
            return Json.freeze(state.subscribedWorkteams);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void read(Reader in, Object value, RegionState state, IdSource ids) {
            List<Object> list = in.list(value, "SubscribedWorkteams");
            for (int i = 0; i < list.size(); i++) {
                state.subscribedWorkteams.add(Json.copy(in.object(list.get(i), "SubscribedWorkteams[" + i + "]")));
            }
        }
    }

    /** Seeded labeling jobs by work team ARN, in their order (LabelingJobForWorkteamSummary wire form). */
    private static final class SeededLabelingJobsPart implements Part {
        @Override
        public String member() {
            return "LabelingJobs";
        }

        @Override
        public Object write(RegionState state, IdSource ids) {
            return Json.freeze(state.labelingJobs);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void read(Reader in, Object value, RegionState state, IdSource ids) {
            Map<String, Object> byTeam = in.object(value, "LabelingJobs");
            byTeam.forEach((arn, jobs) -> {
                List<Object> list = in.list(jobs, "LabelingJobs." + arn);
                List<Map<String, Object>> copy = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    copy.add(Json.copy(in.object(list.get(i), "LabelingJobs." + arn + "[" + i + "]")));
                }
                state.labelingJobs.put(arn, copy);
            });
        }
    }

    // ------------------------------------------------------------------------------ reading with paths

    /** Reads members with messages that name the member and what it should be. */
    static final class Reader {

        /** Where the part being read sits, e.g. {@code Regions[0].}; parts name members relative to it. */
        String prefix = "";

        IllegalArgumentException fail(String where, String what) {
            return new IllegalArgumentException("State document member " + prefix + where + " " + what);
        }

        /** The object itself, to read from (values kept in the state are copied where they are stored). */
        @SuppressWarnings("unchecked")
        Map<String, Object> object(Object value, String where) {
            if (!(value instanceof Map)) {
                throw fail(where, "must be a JSON object.");
            }
            return (Map<String, Object>) value;
        }

        /** A copy of the object, to keep in the state; null for none. */
        Map<String, Object> optionalObject(Object value, String where) {
            return value == null ? null : Json.copy(object(value, where));
        }

        /** The array itself, to read from. */
        @SuppressWarnings("unchecked")
        List<Object> list(Object value, String where) {
            if (!(value instanceof List)) {
                throw fail(where, "must be a JSON array.");
            }
            return (List<Object>) value;
        }

        /** A copy of an array of strings, to keep in the state. */
        List<Object> texts(Object value, String where) {
            List<Object> list = list(value, where);
            for (int i = 0; i < list.size(); i++) {
                text(list.get(i), where + "[" + i + "]");
            }
            return Json.copy(list);
        }

        String text(Object value, String where) {
            if (!(value instanceof String s)) {
                throw fail(where, value == null ? "is missing." : "must be a JSON string.");
            }
            return s;
        }

        String optionalText(Object value, String where) {
            return value == null ? null : text(value, where);
        }

        Boolean optionalBoolean(Object value, String where) {
            if (value != null && !(value instanceof Boolean)) {
                throw fail(where, "must be true or false.");
            }
            return (Boolean) value;
        }

        long whole(Object value, String where) {
            if (!(value instanceof Number n)) {
                throw fail(where, value == null ? "is missing." : "must be a whole number.");
            }
            try {
                long v = new java.math.BigDecimal(n.toString()).longValueExact();
                if (v < 0) {
                    throw fail(where, "must not be negative.");
                }
                return v;
            } catch (ArithmeticException e) {
                throw fail(where, "must be a whole number.");
            }
        }

        /** ISO-8601 text; with {@code wire}, also epoch seconds as DescribeWorkforce shows them. */
        Instant instant(Object value, String where, boolean wire) {
            if (value instanceof Number n && wire) {
                return io.github.sagemakerfake.internal.json.WireTime.instant(n);
            }
            try {
                return Instant.parse(text(value, where));
            } catch (DateTimeParseException e) {
                throw fail(where, "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z; got '" + value + "'.");
            }
        }

        Duration duration(Object value, String where) {
            if (value == null) {
                return null;
            }
            try {
                return Duration.parse(text(value, where));
            } catch (DateTimeParseException e) {
                throw fail(where, "must be an ISO-8601 duration such as PT0S; got '" + value + "'.");
            }
        }

        String account(Object value, String where) {
            try {
                return FakeSettings.requireAccount(text(value, where));
            } catch (IllegalArgumentException e) {
                throw fail(where, ": " + e.getMessage());
            }
        }

        String region(Object value, String where) {
            try {
                return FakeSettings.requireRegion(text(value, where));
            } catch (IllegalArgumentException e) {
                throw fail(where, ": " + e.getMessage());
            }
        }

        Map<String, String> tags(Object value, String where) {
            Map<String, String> tags = new LinkedHashMap<>();
            if (value == null) {
                return tags;
            }
            List<Object> list = list(value, where);
            for (int i = 0; i < list.size(); i++) {
                Map<String, Object> tag = object(list.get(i), where + "[" + i + "]");
                tags.put(text(tag.get("Key"), where + "[" + i + "].Key"),
                        text(tag.get("Value"), where + "[" + i + "].Value"));
            }
            return tags;
        }

        void only(Map<String, Object> map, String where, String... members) {
            only(map, where, Set.of(members));
        }

        void only(Map<String, Object> map, String where, Set<String> members) {
            for (String member : map.keySet()) {
                if (!members.contains(member)) {
                    throw fail(where + "." + member, "is not a member here; " + where + " has "
                            + new TreeSet<>(members) + ".");
                }
            }
        }
    }
}
