package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.error.ServiceError;

import static io.github.sagemakerfake.internal.backend.Listings.listResponse;
import static io.github.sagemakerfake.internal.backend.Listings.nameContains;
import static io.github.sagemakerfake.internal.backend.WireMaps.asMap;
import static io.github.sagemakerfake.internal.backend.WireMaps.copyOrNull;
import static io.github.sagemakerfake.internal.backend.WireMaps.list;
import static io.github.sagemakerfake.internal.backend.WireMaps.map;
import static io.github.sagemakerfake.internal.backend.WireMaps.single;
import static io.github.sagemakerfake.internal.backend.WireMaps.str;
import static io.github.sagemakerfake.internal.backend.Workforces.DEFAULT_WORKFORCE;
import static io.github.sagemakerfake.internal.backend.Workforces.newSubDomain;

import io.github.sagemakerfake.control.FakeLimits;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.internal.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The private work team family: CreateWorkteam (whose first Cognito team creates the workforce
 * {@code default}), DescribeWorkteam, UpdateWorkteam, DeleteWorkteam and ListWorkteams.
 * docs/fidelity.md ("Work teams") lists each rule with its source.
 */
final class Workteams implements ResourceFamily {

    private static final Pages.Order<String> NAMES = Pages.byText(name -> name, name -> name);
    private static final Pages.Order<WorkteamRecord> BY_DATE = Pages.byTimeThenText(
            WorkteamRecord.BY_CREATE_DATE, t -> t.createDate.toEpochMilli(), t -> t.name,
            (millis, name) -> new WorkteamRecord(name, null, null, null, Instant.ofEpochMilli(millis)));

    private final FakeLimits limits;
    private final Lifecycle lifecycle;
    private final Tags tags;

    Workteams(FakeLimits limits, Lifecycle lifecycle, Tags tags) {
        this.limits = limits;
        this.lifecycle = lifecycle;
        this.tags = tags;
    }

    @Override
    public void register(OperationDispatch.Registrar registrar) {
        registrar.on(Operation.CREATE_WORKTEAM, this::createWorkteam);
        registrar.on(Operation.DESCRIBE_WORKTEAM, (s, r, now, failure) ->
                single("Workteam", requireWorkteam(s, str(r, "WorkteamName")).toWire()));
        registrar.on(Operation.UPDATE_WORKTEAM, (s, r, now, failure) -> updateWorkteam(s, r, now));
        registrar.on(Operation.DELETE_WORKTEAM, (s, r, now, failure) -> deleteWorkteam(s, r));
        registrar.on(Operation.LIST_WORKTEAMS, (s, r, now, failure) -> listWorkteams(s, r));
    }

    private Map<String, Object> createWorkteam(RegionState s, Map<String, Object> r, Instant now,
                                               String provisioningFailure) {
        String name = str(r, "WorkteamName");
        if (s.workteams.containsKey(name)) { // decision: ResourceInUse for a duplicate name
            throw ServiceError.resourceInUse("A work team with name " + name + " already exists in account "
                    + s.account + " and region " + s.region + ".");
        }
        if (s.workteams.size() >= limits.maxWorkteams()) { // the service's default quota (docs/fidelity.md)
            throw ServiceError.limitExceeded("You cannot create more than " + limits.maxWorkteams()
                    + " work teams in an account and region. Account " + s.account + " has " + s.workteams.size()
                    + " work teams in " + s.region + ".");
        }
        List<Object> members = list(r, "MemberDefinitions");
        MemberKind kind = memberKind(members);
        String workforceName = str(r, "WorkforceName");
        WorkforceRecord wf = s.workforce;
        if (wf != null && workforceName != null && !wf.name.equals(workforceName)) {
            throw ServiceError.validation("No workforce found with name " + workforceName + " in account " + s.account
                    + " and region " + s.region + "; the workforce here is " + wf.name + ".");
        }
        if (wf != null && WorkforceRecord.DELETING.equals(wf.status())) {
            // decision: a team must never outlive its workforce, so a workforce on its way out takes no team.
            // ValidationException as for a missing workforce, which Terraform retries (docs/fidelity.md).
            throw ServiceError.validation("Workforce " + wf.name + " is being deleted (status Deleting); it takes no "
                    + "new work teams. Wait until DescribeWorkforce answers that no workforce is found, then create "
                    + "the workforce again.");
        }
        boolean implicitWorkforce = false;
        if (wf == null) {
            if (kind == MemberKind.OIDC) { // the developer guide's OIDC prerequisites
                throw ServiceError.validation("No workforce exists in account " + s.account + " and region " + s.region
                        + ". Create an OIDC workforce with CreateWorkforce before creating work teams with "
                        + "OidcMemberDefinition.");
            }
            if (workforceName != null && !DEFAULT_WORKFORCE.equals(workforceName)) {
                throw ServiceError.validation("No workforce found with name " + workforceName + " in account "
                        + s.account + " and region " + s.region + ".");
            }
            // decision (docs/fidelity.md): the first Cognito team creates the workforce "default".
            Map<String, Object> first = cognitoMember(members.get(0));
            wf = new WorkforceRecord(DEFAULT_WORKFORCE, Arns.workforce(s.region, s.account, DEFAULT_WORKFORCE),
                    newSubDomain(s.region), now);
            Map<String, Object> cognito = new LinkedHashMap<>();
            cognito.put("UserPool", first.get("UserPool"));
            cognito.put("ClientId", first.get("ClientId"));
            wf.cognitoConfig = cognito;
            wf.implicit = true;
            wf.startTransition(WorkforceRecord.INITIALIZING, provisioningFailure, lifecycle, now);
            implicitWorkforce = true;
        }
        checkMembersMatchWorkforce(members, kind, wf);
        WorkteamRecord team = new WorkteamRecord(name, Arns.privateWorkteam(s.region, s.account, name), wf.arn,
                wf.subDomain, now);
        team.description = str(r, "Description");
        team.memberDefinitions = Json.copy(members);
        team.notificationConfiguration = copyOrNull(map(r, "NotificationConfiguration"));
        team.workerAccessConfiguration = copyOrNull(map(r, "WorkerAccessConfiguration"));
        tags.put(team.tags, list(r, "Tags"), "work team " + name);
        if (implicitWorkforce) {
            s.workforce = wf;
        }
        s.putWorkteam(team);
        return single("WorkteamArn", team.arn);
    }

    private Map<String, Object> updateWorkteam(RegionState s, Map<String, Object> r, Instant now) {
        WorkteamRecord team = requireWorkteam(s, str(r, "WorkteamName"));
        List<Object> members = list(r, "MemberDefinitions");
        if (r.get("MemberDefinitions") != null) {
            checkMembersMatchWorkforce(members, memberKind(members), s.workforce);
            team.memberDefinitions = Json.copy(members); // UpdateWorkteam: the list replaces the set
        }
        if (r.get("Description") != null) {
            team.description = str(r, "Description");
        }
        // Omitting NotificationConfiguration removes the topic, and so does {}: Describe then shows an empty
        // NotificationConfiguration (UpdateWorkteam, as Terraform's notificationConfig test shows; docs/fidelity.md).
        Map<String, Object> notification = map(r, "NotificationConfiguration");
        team.notificationConfiguration = notification == null ? new LinkedHashMap<>() : Json.copy(notification);
        if (r.get("WorkerAccessConfiguration") != null) {
            team.workerAccessConfiguration = Json.copy(map(r, "WorkerAccessConfiguration"));
        }
        team.lastUpdatedDate = now;
        return single("Workteam", team.toWire());
    }

    private Map<String, Object> deleteWorkteam(RegionState s, Map<String, Object> r) {
        WorkteamRecord team = requireWorkteam(s, str(r, "WorkteamName"));
        s.removeWorkteam(team.name);
        s.labelingJobs.remove(team.arn);
        if (s.workteams.isEmpty() && s.workforce != null && s.workforce.implicit) {
            // decision (docs/fidelity.md): the implicit workforce goes with its last team ("if you delete all of
            // your private work teams, you have to repeat this process"); a CreateWorkforce one stays.
            s.workforce = null;
        }
        return single("Success", Boolean.TRUE);
    }

    private Map<String, Object> listWorkteams(RegionState s, Map<String, Object> r) {
        String contains = str(r, "NameContains");
        boolean byName = "Name".equals(str(r, "SortBy")); // default CreationTime (CreateDate)
        boolean descending = "Descending".equals(str(r, "SortOrder"));
        String query = Pages.query("ListWorkteams", r, "SortBy", "SortOrder", "NameContains");
        List<WorkteamRecord> teams;
        String nextToken;
        // Both orders are kept by the region's sorted indexes: a page reads from its cursor on, no sort.
        if (byName) {
            Pages.Page<String> page = Pages.page(s.workteams.navigableKeySet(), NAMES,
                    name -> nameContains(name, contains), descending, query, str(r, "NextToken"), r.get("MaxResults"),
                    Pages.DEFAULT_MAX_RESULTS);
            teams = new ArrayList<>(page.items().size());
            page.items().forEach(name -> teams.add(s.workteams.get(name)));
            nextToken = page.nextToken();
        } else {
            Pages.Page<WorkteamRecord> page = Pages.page(s.workteamsByDate, BY_DATE,
                    t -> nameContains(t.name, contains), descending, query, str(r, "NextToken"), r.get("MaxResults"),
                    Pages.DEFAULT_MAX_RESULTS);
            teams = page.items();
            nextToken = page.nextToken();
        }
        List<Object> items = new ArrayList<>(teams.size());
        teams.forEach(t -> items.add(t.toWire()));
        return listResponse("Workteams", items, nextToken);
    }

    private static WorkteamRecord requireWorkteam(RegionState s, String name) {
        WorkteamRecord team = s.workteams.get(name);
        if (team == null) { // the service's ValidationException contains "The work team"
            throw ServiceError.validation("The work team " + name + " does not exist in account " + s.account
                    + " and region " + s.region + ".");
        }
        return team;
    }

    private enum MemberKind { COGNITO, OIDC }

    /** Each member names exactly one kind, and one request never mixes kinds (docs/fidelity.md). */
    private static MemberKind memberKind(List<Object> members) {
        MemberKind kind = null;
        for (int i = 0; i < members.size(); i++) {
            Map<String, Object> member = asMap(members.get(i));
            boolean cognito = member.get("CognitoMemberDefinition") != null;
            boolean oidc = member.get("OidcMemberDefinition") != null;
            if (cognito == oidc) {
                throw ServiceError.validation("MemberDefinitions member " + (i + 1) + " must contain exactly one of "
                        + "CognitoMemberDefinition or OidcMemberDefinition" + (cognito ? "; it has both." : "; it has neither."));
            }
            MemberKind k = cognito ? MemberKind.COGNITO : MemberKind.OIDC;
            if (kind != null && kind != k) {
                throw ServiceError.validation("MemberDefinitions mixes CognitoMemberDefinition and OidcMemberDefinition; "
                        + "a work team uses one kind, the kind of its workforce.");
            }
            kind = k;
            if (k == MemberKind.OIDC && list(asMap(member.get("OidcMemberDefinition")), "Groups").isEmpty()) {
                // decision: an OIDC member without groups would admit no worker
                throw ServiceError.validation("OidcMemberDefinition in MemberDefinitions member " + (i + 1)
                        + " needs Groups: list the identity provider groups whose workers join the team.");
            }
        }
        return kind;
    }

    private static void checkMembersMatchWorkforce(List<Object> members, MemberKind kind, WorkforceRecord wf) {
        if (kind == MemberKind.OIDC) {
            if (!wf.isOidc()) {
                throw ServiceError.validation("Workforce " + wf.name + " uses Amazon Cognito; its work teams need "
                        + "CognitoMemberDefinition, not OidcMemberDefinition.");
            }
            return;
        }
        if (wf.isOidc()) {
            throw ServiceError.validation("Workforce " + wf.name + " uses an OIDC identity provider; its work teams "
                    + "need OidcMemberDefinition, not CognitoMemberDefinition.");
        }
        Object pool = wf.cognitoConfig.get("UserPool");
        Object client = wf.cognitoConfig.get("ClientId");
        for (int i = 0; i < members.size(); i++) {
            Map<String, Object> c = cognitoMember(members.get(i));
            if (!Objects.equals(c.get("UserPool"), pool) || !Objects.equals(c.get("ClientId"), client)) {
                // CreateWorkteam: all members share the workforce's UserPool and ClientId
                throw ServiceError.validation("CognitoMemberDefinition in MemberDefinitions member " + (i + 1)
                        + " has UserPool " + c.get("UserPool") + " and ClientId " + c.get("ClientId")
                        + ", but workforce " + wf.name + " uses UserPool " + pool + " and ClientId " + client
                        + ". All members of a team must use the workforce's user pool and app client.");
            }
        }
    }

    private static Map<String, Object> cognitoMember(Object member) {
        return asMap(asMap(member).get("CognitoMemberDefinition"));
    }
}
