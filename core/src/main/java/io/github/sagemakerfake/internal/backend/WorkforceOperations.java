package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.control.FakeLimits;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The behavioural rules of the 16 operations (facts §3 and the brief's decisions). Requests reach
 * this class already validated against the model, and each call runs under its region's lock.
 * Comments name the fact or decision each rule follows; docs/fidelity.md lists them all.
 */
final class WorkforceOperations {

    private static final String DEFAULT_WORKFORCE = "default";
    private static final char[] SUBDOMAIN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FakeLimits limits;
    private final Lifecycle lifecycle;
    private final LabelingOperations labeling;

    WorkforceOperations(FakeLimits limits, Lifecycle lifecycle) {
        this.limits = limits;
        this.lifecycle = lifecycle;
        this.labeling = new LabelingOperations(limits, lifecycle);
    }

    Map<String, Object> execute(Operation op, RegionState s, Map<String, Object> r, Instant now) {
        return execute(op, s, r, now, null);
    }

    /**
     * @param provisioningFailure when not null, a workforce this request creates or updates ends
     *                            {@code Failed} with this FailureReason (a fault rule asked for it)
     */
    Map<String, Object> execute(Operation op, RegionState s, Map<String, Object> r, Instant now,
                                String provisioningFailure) {
        return switch (op) {
            case CREATE_WORKFORCE -> createWorkforce(s, r, now, provisioningFailure);
            case DESCRIBE_WORKFORCE -> describeWorkforce(s, r);
            case UPDATE_WORKFORCE -> updateWorkforce(s, r, now, provisioningFailure);
            case DELETE_WORKFORCE -> deleteWorkforce(s, r, now);
            case LIST_WORKFORCES -> listWorkforces(s, r);
            case CREATE_WORKTEAM -> createWorkteam(s, r, now, provisioningFailure);
            case DESCRIBE_WORKTEAM -> single("Workteam", requireWorkteam(s, str(r, "WorkteamName")).toWire());
            case UPDATE_WORKTEAM -> updateWorkteam(s, r, now);
            case DELETE_WORKTEAM -> deleteWorkteam(s, r);
            case LIST_WORKTEAMS -> listWorkteams(s, r);
            case ADD_TAGS -> addTags(s, r);
            case LIST_TAGS -> listTags(s, r);
            case DELETE_TAGS -> deleteTags(s, r);
            case LIST_LABELING_JOBS_FOR_WORKTEAM -> listLabelingJobs(s, r);
            case LIST_SUBSCRIBED_WORKTEAMS -> listSubscribedWorkteams(s, r);
            case DESCRIBE_SUBSCRIBED_WORKTEAM -> describeSubscribedWorkteam(s, r);
            default -> labeling.execute(op, s, r, now, provisioningFailure);
        };
    }

    // ---------------------------------------------------------------- workforce

    private Map<String, Object> createWorkforce(RegionState s, Map<String, Object> r, Instant now,
                                                String provisioningFailure) {
        Map<String, Object> cognito = map(r, "CognitoConfig");
        Map<String, Object> oidc = map(r, "OidcConfig");
        if ((cognito == null) == (oidc == null)) { // decision: the model docs say "do not use both"
            throw ServiceError.validation("Specify exactly one of CognitoConfig or OidcConfig to create a workforce"
                    + (cognito == null ? "; the request has neither." : "; the request has both."));
        }
        if (s.workforce != null) { // facts §3.1, real text [TF-20472]
            throw ServiceError.validation("Cannot create more than one workforce for account " + s.account
                    + ". If you are trying to update existing workforce, please use UpdateWorkforce API");
        }
        String name = str(r, "WorkforceName");
        WorkforceRecord wf = new WorkforceRecord(name, Arns.workforce(s.region, s.account, name),
                newSubDomain(s.region), now);
        wf.cognitoConfig = cognito == null ? null : Json.copy(cognito);
        wf.oidcConfig = oidc == null ? null : Json.copy(oidc);
        applyNetworkSettings(wf, r);
        putTags(wf.tags, list(r, "Tags"), "workforce " + name);
        wf.startTransition(WorkforceRecord.INITIALIZING, provisioningFailure, lifecycle, now); // facts §3.7
        s.workforce = wf;
        return single("WorkforceArn", wf.arn);
    }

    private Map<String, Object> describeWorkforce(RegionState s, Map<String, Object> r) {
        WorkforceRecord wf = requireWorkforce(s, str(r, "WorkforceName"));
        Map<String, Object> wire = wf.toWire();
        wf.countRead(); // the lifecycle: this read has shown the status
        return single("Workforce", wire);
    }

    private Map<String, Object> updateWorkforce(RegionState s, Map<String, Object> r, Instant now,
                                                String provisioningFailure) {
        WorkforceRecord wf = requireWorkforce(s, str(r, "WorkforceName"));
        if (wf.inTransition()) { // decision: the only modeled error, for a busy workforce (Failed may be updated)
            throw ServiceError.conflict("Workforce " + wf.name + " is " + wf.status() + "; it can be updated only "
                    + "when its status is Active or Failed. Wait until DescribeWorkforce shows Active, then retry.");
        }
        Map<String, Object> oidc = map(r, "OidcConfig");
        if (oidc != null) {
            if (!wf.isOidc()) { // facts §3.3: a workforce keeps its identity provider type
                throw ServiceError.validation("Workforce " + wf.name + " uses Amazon Cognito; OidcConfig cannot be "
                        + "set on it. Delete its work teams and the workforce, then create an OIDC workforce.");
            }
            if (!s.workteams.isEmpty()) { // facts §3.4
                throw ServiceError.validation("The OIDC configuration of workforce " + wf.name + " can be updated "
                        + "only when no work teams are associated with it; it has " + s.workteams.size()
                        + " (" + String.join(", ", s.workteams.keySet()) + ").");
            }
        }
        // Check everything before changing anything: a failed update leaves the workforce as it was.
        WorkforceRecord probe = new WorkforceRecord(wf.name, wf.arn, wf.subDomain, wf.createDate);
        probe.cidrs = wf.cidrs;
        probe.vpcConfig = wf.vpcConfig;
        probe.ipAddressType = wf.ipAddressType;
        applyNetworkSettings(probe, r);
        wf.cidrs = probe.cidrs;
        if (!Objects.equals(wf.vpcConfig, probe.vpcConfig)) {
            wf.vpcConfig = probe.vpcConfig;
            wf.vpcEndpointId = null; // a new VPC configuration gets its endpoint when the update completes
        }
        wf.ipAddressType = probe.ipAddressType;
        if (oidc != null) {
            wf.oidcConfig = Json.copy(oidc);
        }
        if (r.get("SourceIpConfig") != null) {
            // facts §1 UpdateWorkforce: "the most recent date that UpdateWorkforce was used to successfully add
            // one or more IP address ranges"; the guide's VPC-only update keeps it equal to CreateDate.
            wf.lastUpdatedDate = now;
        }
        wf.startTransition(WorkforceRecord.UPDATING, provisioningFailure, lifecycle, now);
        return single("Workforce", wf.toWire());
    }

    /** SourceIpConfig, WorkforceVpcConfig and IpAddressType, shared by create and update. */
    private void applyNetworkSettings(WorkforceRecord wf, Map<String, Object> r) {
        String ipType = str(r, "IpAddressType");
        if (ipType != null) {
            wf.ipAddressType = ipType;
        }
        Map<String, Object> sourceIp = map(r, "SourceIpConfig");
        if (sourceIp != null) {
            List<Object> cidrs = list(sourceIp, "Cidrs");
            if (cidrs.size() > limits.maxCidrs()) { // facts §1 UpdateWorkforce: "up to ten CIDRs"
                throw ServiceError.validation("SourceIpConfig has " + cidrs.size() + " CIDRs; a workforce allows at most "
                        + limits.maxCidrs() + ".");
            }
            wf.cidrs = Json.copy(cidrs);
        }
        if ("ipv4".equals(wf.ipAddressType)) { // decision: IPv6 ranges need IpAddressType dualstack [BC doc]
            for (Object cidr : wf.cidrs) {
                if (((String) cidr).contains(":")) {
                    throw ServiceError.validation("CIDR " + cidr + " is an IPv6 range; set IpAddressType to dualstack "
                            + "to allow IPv6 CIDRs.");
                }
            }
        }
        Map<String, Object> vpc = map(r, "WorkforceVpcConfig");
        if (vpc != null) {
            if (vpc.isEmpty()) { // [DG samurai-vpc-workforce-cli]: {} removes the VPC configuration
                wf.vpcConfig = null;
            } else {
                for (String member : List.of("VpcId", "SecurityGroupIds", "Subnets")) {
                    if (vpc.get(member) == null) { // WorkforceVpcConfigResponse requires all three
                        throw ServiceError.validation("WorkforceVpcConfig needs VpcId, SecurityGroupIds and Subnets "
                                + "together; " + member + " is missing. Pass {} to remove the VPC configuration.");
                    }
                }
                Map<String, Object> config = Json.copy(vpc);
                config.remove("VpcEndpointId"); // not a request member; the endpoint comes when Active
                wf.vpcConfig = config;
            }
        }
    }

    private Map<String, Object> deleteWorkforce(RegionState s, Map<String, Object> r, Instant now) {
        WorkforceRecord wf = requireWorkforce(s, str(r, "WorkforceName"));
        if (!s.workteams.isEmpty()) { // facts §3.5
            throw ServiceError.resourceInUse("Workforce " + wf.name + " has " + s.workteams.size()
                    + " work team(s) (" + String.join(", ", s.workteams.keySet())
                    + "). Delete them before deleting the workforce.");
        }
        if (WorkforceRecord.DELETING.equals(wf.status())) {
            return new LinkedHashMap<>(); // decision: deleting again while Deleting changes nothing
        }
        wf.startTransition(WorkforceRecord.DELETING, null, lifecycle, now); // facts §1 DeleteWorkforce
        if (wf.isGone()) {
            s.workforce = null;
        }
        return new LinkedHashMap<>();
    }

    private Map<String, Object> listWorkforces(RegionState s, Map<String, Object> r) {
        List<WorkforceRecord> all = new ArrayList<>();
        String contains = str(r, "NameContains");
        if (s.workforce != null && nameContains(s.workforce.name, contains)) {
            all.add(s.workforce);
        }
        boolean byName = "Name".equals(str(r, "SortBy"));
        Pages.Page<WorkforceRecord> page = sortAndPage(all, byName ? WORKFORCES_BY_NAME : WORKFORCES_BY_DATE,
                r, Pages.query("ListWorkforces", r, "SortBy", "SortOrder", "NameContains"));
        List<Object> items = new ArrayList<>();
        for (WorkforceRecord w : page.items()) {
            items.add(w.toWire());
            w.countRead(); // the lifecycle: a listing that returns the workforce is a read
        }
        return listResponse("Workforces", items, page.nextToken());
    }

    private WorkforceRecord requireWorkforce(RegionState s, String name) {
        if (s.workforce == null || !s.workforce.name.equals(name)) { // facts §3.10: contains "No workforce"
            throw ServiceError.validation("No workforce found with name " + name + " in account " + s.account
                    + " and region " + s.region + ".");
        }
        return s.workforce;
    }

    // ---------------------------------------------------------------- work teams

    private Map<String, Object> createWorkteam(RegionState s, Map<String, Object> r, Instant now,
                                               String provisioningFailure) {
        String name = str(r, "WorkteamName");
        if (s.workteams.containsKey(name)) { // decision: ResourceInUse for a duplicate name
            throw ServiceError.resourceInUse("A work team with name " + name + " already exists in account "
                    + s.account + " and region " + s.region + ".");
        }
        if (s.workteams.size() >= limits.maxWorkteams()) { // facts §3.6
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
            // ValidationException as for a missing workforce (facts §3.10); Terraform retries it (facts §1).
            throw ServiceError.validation("Workforce " + wf.name + " is being deleted (status Deleting); it takes no "
                    + "new work teams. Wait until DescribeWorkforce answers that no workforce is found, then create "
                    + "the workforce again.");
        }
        boolean implicitWorkforce = false;
        if (wf == null) {
            if (kind == MemberKind.OIDC) { // [DG sms-workforce-manage-private-oidc] prerequisites
                throw ServiceError.validation("No workforce exists in account " + s.account + " and region " + s.region
                        + ". Create an OIDC workforce with CreateWorkforce before creating work teams with "
                        + "OidcMemberDefinition.");
            }
            if (workforceName != null && !DEFAULT_WORKFORCE.equals(workforceName)) {
                throw ServiceError.validation("No workforce found with name " + workforceName + " in account "
                        + s.account + " and region " + s.region + ".");
            }
            // facts §3.2, brief decision: the first Cognito team creates the workforce "default".
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
        putTags(team.tags, list(r, "Tags"), "work team " + name);
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
            team.memberDefinitions = Json.copy(members); // facts §1 UpdateWorkteam: the list replaces the set
        }
        if (r.get("Description") != null) {
            team.description = str(r, "Description");
        }
        // Omitting NotificationConfiguration removes the topic, and so does {}: Describe then shows an empty
        // NotificationConfiguration (facts §1 UpdateWorkteam, [I] from Terraform's notificationConfig test).
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
            // decision after facts §3.2: the implicit workforce goes with its last team ("if you delete all of
            // your private work teams, you have to repeat this process"); a CreateWorkforce one stays.
            s.workforce = null;
        }
        return single("Success", Boolean.TRUE);
    }

    private Map<String, Object> listWorkteams(RegionState s, Map<String, Object> r) {
        String contains = str(r, "NameContains");
        boolean byName = "Name".equals(str(r, "SortBy")); // facts §1: default CreationTime (CreateDate)
        boolean descending = "Descending".equals(str(r, "SortOrder"));
        String query = Pages.query("ListWorkteams", r, "SortBy", "SortOrder", "NameContains");
        List<WorkteamRecord> teams;
        String nextToken;
        // Both orders are kept by the region's sorted indexes: a page reads from its cursor on, no sort.
        if (byName) {
            Pages.Page<String> page = Pages.page(s.workteams.navigableKeySet(), TEAM_NAMES,
                    name -> nameContains(name, contains), descending, query, str(r, "NextToken"), r.get("MaxResults"),
                    Pages.DEFAULT_MAX_RESULTS);
            teams = new ArrayList<>(page.items().size());
            page.items().forEach(name -> teams.add(s.workteams.get(name)));
            nextToken = page.nextToken();
        } else {
            Pages.Page<WorkteamRecord> page = Pages.page(s.workteamsByDate, WORKTEAMS_BY_DATE,
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
        if (team == null) { // facts §3.10: ValidationException containing "The work team"
            throw ServiceError.validation("The work team " + name + " does not exist in account " + s.account
                    + " and region " + s.region + ".");
        }
        return team;
    }

    private enum MemberKind { COGNITO, OIDC }

    /** facts §3.3: each member names exactly one kind, and one request never mixes kinds. */
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
                // facts §1 CreateWorkteam: all members share the workforce's UserPool and ClientId
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

    // ---------------------------------------------------------------- tags

    private Map<String, Object> addTags(RegionState s, Map<String, Object> r) {
        Map<String, String> tags = taggable(s, str(r, "ResourceArn"));
        Map<String, String> merged = new LinkedHashMap<>(tags);
        putTags(merged, list(r, "Tags"), str(r, "ResourceArn"));
        tags.clear();
        tags.putAll(merged);
        return single("Tags", Json.copy(list(r, "Tags"))); // decision: echoes the tags of the request
    }

    private Map<String, Object> listTags(RegionState s, Map<String, Object> r) {
        Map<String, String> tags = taggable(s, str(r, "ResourceArn"));
        // decision: by key, and the cursor is the last key, so a page never repeats or skips a key that
        // exists throughout, however tags change between calls.
        Pages.Page<String> page = Pages.page(new ArrayList<>(tags.keySet()), TAG_KEYS, false,
                Pages.query("ListTags", r, "ResourceArn"), str(r, "NextToken"), r.get("MaxResults"), 50);
        List<Object> items = new ArrayList<>();
        for (String key : page.items()) {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("Key", key);
            tag.put("Value", tags.get(key));
            items.add(tag);
        }
        return listResponse("Tags", items, page.nextToken());
    }

    private Map<String, Object> deleteTags(RegionState s, Map<String, Object> r) {
        Map<String, String> tags = taggable(s, str(r, "ResourceArn"));
        for (Object key : list(r, "TagKeys")) {
            tags.remove(key); // keys that are not there are ignored
        }
        return new LinkedHashMap<>();
    }

    /** The live tag map of the resource an ARN names, after the service's checks. */
    private static Map<String, String> taggable(RegionState s, String arn) {
        Arns.Parsed parsed = Arns.parse(arn);
        if (parsed != null && "workforce".equals(parsed.resourceType())) { // brief: observed on the service [TF-20065]
            throw ServiceError.validation("Invalid resource type: workforce");
        }
        if (parsed != null && LabelingState.isLabelingResourceType(parsed.resourceType())) {
            Map<String, String> tags = s.labeling.tagsOf(parsed.resourceType(), parsed.resourceName(), arn);
            if (tags == null) {
                throw ServiceError.validation("The resource " + arn + " does not exist in account " + s.account
                        + " and region " + s.region + ".");
            }
            return tags;
        }
        if (parsed == null || !"workteam".equals(parsed.resourceType())) {
            throw ServiceError.validation("Resource " + arn + " is not a resource the SageMaker Workforce Fake holds "
                    + "tags for: a work team, labeling job, flow definition or human task UI.");
        }
        WorkteamRecord team = s.workteams.get(parsed.resourceName());
        if (team == null || !team.arn.equals(arn)) {
            throw ServiceError.validation("The work team " + arn + " does not exist in account " + s.account
                    + " and region " + s.region + ".");
        }
        return team.tags;
    }

    /** Adds or overwrites tags, refusing to go over the per-resource limit (brief decision). */
    private void putTags(Map<String, String> target, List<Object> tags, String resource) {
        Map<String, String> merged = new LinkedHashMap<>(target);
        for (Object tag : tags) {
            Map<String, Object> t = asMap(tag);
            merged.put((String) t.get("Key"), (String) t.get("Value"));
        }
        if (merged.size() > limits.maxTagsPerResource()) {
            throw ServiceError.validation("Adding these tags would give " + resource + " " + merged.size()
                    + " tags; a resource can have at most " + limits.maxTagsPerResource() + " tags.");
        }
        target.clear();
        target.putAll(merged);
    }

    // ---------------------------------------------------------------- labeling jobs and vendor teams

    private Map<String, Object> listLabelingJobs(RegionState s, Map<String, Object> r) {
        String arn = str(r, "WorkteamArn");
        Arns.Parsed parsed = Arns.parse(arn);
        WorkteamRecord team = parsed == null ? null : s.workteams.get(parsed.resourceName());
        if (team == null || !team.arn.equals(arn)) { // the only operation here that models ResourceNotFound
            throw ServiceError.notFound("Work team " + arn + " not found in account " + s.account + " and region "
                    + s.region + ".");
        }
        Instant after = time(r.get("CreationTimeAfter"));
        Instant before = time(r.get("CreationTimeBefore"));
        String codeContains = str(r, "JobReferenceCodeContains");
        List<Map<String, Object>> matching = new ArrayList<>();
        List<Map<String, Object>> jobs = new ArrayList<>(s.labelingJobs.getOrDefault(arn, List.of()));
        jobs.addAll(LabelingOperations.workteamView(s, arn)); // the jobs created for the team, with their counters
        for (Map<String, Object> job : jobs) {
            Instant created = WireTime.instant(job.get("CreationTime"));
            if ((after == null || created.isAfter(after)) && (before == null || created.isBefore(before))
                    && (codeContains == null || ((String) job.get("JobReferenceCode")).contains(codeContains))) {
                matching.add(job);
            }
        }
        Pages.Page<Map<String, Object>> page = sortAndPage(matching, JOBS_BY_CREATION_TIME, r,
                Pages.query("ListLabelingJobsForWorkteam", r, "WorkteamArn", "CreationTimeAfter",
                        "CreationTimeBefore", "JobReferenceCodeContains", "SortBy", "SortOrder"));
        return listResponse("LabelingJobSummaryList", new ArrayList<>(Json.copy(page.items())), page.nextToken());
    }

    private Map<String, Object> listSubscribedWorkteams(RegionState s, Map<String, Object> r) {
        String contains = str(r, "NameContains");
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> team : s.subscribedWorkteams) {
            Arns.Parsed parsed = Arns.parse((String) team.get("WorkteamArn"));
            if (nameContains(parsed == null ? "" : parsed.resourceName(), contains)) {
                matching.add(team);
            }
        }
        Pages.Page<Map<String, Object>> page = Pages.page(matching, SUBSCRIBED_BY_ARN, false,
                Pages.query("ListSubscribedWorkteams", r, "NameContains"), str(r, "NextToken"), r.get("MaxResults"),
                Pages.DEFAULT_MAX_RESULTS);
        return listResponse("SubscribedWorkteams", new ArrayList<>(Json.copy(page.items())), page.nextToken());
    }

    private Map<String, Object> describeSubscribedWorkteam(RegionState s, Map<String, Object> r) {
        String arn = str(r, "WorkteamArn");
        for (Map<String, Object> team : s.subscribedWorkteams) {
            if (arn.equals(team.get("WorkteamArn"))) {
                return single("SubscribedWorkteam", Json.copy(team));
            }
        }
        throw ServiceError.validation("The work team " + arn + " is not a vendor work team this account subscribes "
                + "to in region " + s.region + ".");
    }

    // ---------------------------------------------------------------- helpers

    private <T> Pages.Page<T> sortAndPage(List<T> items, Pages.Order<T> order, Map<String, Object> r, String query) {
        boolean descending = "Descending".equals(str(r, "SortOrder"));
        return Pages.page(items, order, descending, query, str(r, "NextToken"), r.get("MaxResults"),
                Pages.DEFAULT_MAX_RESULTS);
    }

    // The orders of the listings: by name, or by time then name (facts §1: CreateDate is the default).
    private static final Pages.Order<WorkforceRecord> WORKFORCES_BY_NAME =
            Pages.byText(w -> w.name, name -> new WorkforceRecord(name, null, null, null));
    private static final Pages.Order<WorkforceRecord> WORKFORCES_BY_DATE = Pages.byTimeThenText(
            w -> w.createDate.toEpochMilli(), w -> w.name,
            (millis, name) -> new WorkforceRecord(name, null, null, Instant.ofEpochMilli(millis)));
    private static final Pages.Order<String> TEAM_NAMES = Pages.byText(name -> name, name -> name);
    private static final Pages.Order<WorkteamRecord> WORKTEAMS_BY_DATE = Pages.byTimeThenText(
            WorkteamRecord.BY_CREATE_DATE, t -> t.createDate.toEpochMilli(), t -> t.name,
            (millis, name) -> new WorkteamRecord(name, null, null, null, Instant.ofEpochMilli(millis)));
    private static final Pages.Order<String> TAG_KEYS = Pages.byText(key -> key, key -> key);
    private static final Pages.Order<Map<String, Object>> SUBSCRIBED_BY_ARN =
            Pages.byText(t -> (String) t.get("WorkteamArn"), arn -> Map.of("WorkteamArn", arn));
    private static final Pages.Order<Map<String, Object>> JOBS_BY_CREATION_TIME = Pages.byTimeThenText(
            j -> WireTime.instant(j.get("CreationTime")).toEpochMilli(), j -> (String) j.get("JobReferenceCode"),
            (millis, code) -> Map.of("CreationTime", WireTime.epochSeconds(Instant.ofEpochMilli(millis)),
                    "JobReferenceCode", code));

    /** decision: NameContains matches case-insensitively, as SageMaker's other NameContains filters. */
    private static boolean nameContains(String name, String contains) {
        return contains == null || name.toLowerCase(Locale.ROOT).contains(contains.toLowerCase(Locale.ROOT));
    }

    private String newSubDomain(String region) { // facts §3.8
        StringBuilder id = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            id.append(SUBDOMAIN_ALPHABET[RANDOM.nextInt(SUBDOMAIN_ALPHABET.length)]);
        }
        return id + ".labeling." + region + ".sagemaker.aws";
    }

    private static Instant time(Object epochSeconds) {
        return epochSeconds == null ? null : WireTime.instant(epochSeconds);
    }

    static Map<String, Object> single(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    private static Map<String, Object> listResponse(String key, List<Object> items, String nextToken) {
        Map<String, Object> map = single(key, items);
        if (nextToken != null) {
            map.put("NextToken", nextToken);
        }
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
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> copyOrNull(Map<String, Object> value) {
        return value == null ? null : Json.copy(value);
    }
}
