package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.error.ServiceError;

import static io.github.sagemakerfake.internal.backend.Listings.listResponse;
import static io.github.sagemakerfake.internal.backend.Listings.nameContains;
import static io.github.sagemakerfake.internal.backend.Listings.sortAndPage;
import static io.github.sagemakerfake.internal.backend.WireMaps.list;
import static io.github.sagemakerfake.internal.backend.WireMaps.map;
import static io.github.sagemakerfake.internal.backend.WireMaps.single;
import static io.github.sagemakerfake.internal.backend.WireMaps.str;

import io.github.sagemakerfake.control.FakeLimits;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.internal.json.Json;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The workforce family: CreateWorkforce, DescribeWorkforce, UpdateWorkforce, DeleteWorkforce and
 * ListWorkforces. One workforce per account and region; docs/fidelity.md ("Workforces") lists each
 * rule with its source, and the comments here name the rule they follow.
 */
final class Workforces implements ResourceFamily {

    /** The workforce the first Cognito work team creates (docs/fidelity.md, "Work teams"). */
    static final String DEFAULT_WORKFORCE = "default";
    private static final char[] SUBDOMAIN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    // The orders of ListWorkforces: by name, or by time then name (CreateDate is the default).
    private static final Pages.Order<WorkforceRecord> BY_NAME =
            Pages.byText(w -> w.name, name -> new WorkforceRecord(name, null, null, null));
    private static final Pages.Order<WorkforceRecord> BY_DATE = Pages.byTimeThenText(
            w -> w.createDate.toEpochMilli(), w -> w.name,
            (millis, name) -> new WorkforceRecord(name, null, null, Instant.ofEpochMilli(millis)));

    private final FakeLimits limits;
    private final Lifecycle lifecycle;
    private final Tags tags;

    Workforces(FakeLimits limits, Lifecycle lifecycle, Tags tags) {
        this.limits = limits;
        this.lifecycle = lifecycle;
        this.tags = tags;
    }

    @Override
    public void register(OperationDispatch.Registrar registrar) {
        registrar.on(Operation.CREATE_WORKFORCE, this::create);
        registrar.on(Operation.DESCRIBE_WORKFORCE, (s, r, now, failure) -> describe(s, r));
        registrar.on(Operation.UPDATE_WORKFORCE, this::update);
        registrar.on(Operation.DELETE_WORKFORCE, (s, r, now, failure) -> delete(s, r, now));
        registrar.on(Operation.LIST_WORKFORCES, (s, r, now, failure) -> listWorkforces(s, r));
    }

    private Map<String, Object> create(RegionState s, Map<String, Object> r, Instant now, String provisioningFailure) {
        Map<String, Object> cognito = map(r, "CognitoConfig");
        Map<String, Object> oidc = map(r, "OidcConfig");
        if ((cognito == null) == (oidc == null)) { // decision: the model docs say "do not use both"
            throw ServiceError.validation("Specify exactly one of CognitoConfig or OidcConfig to create a workforce"
                    + (cognito == null ? "; the request has neither." : "; the request has both."));
        }
        if (s.workforce != null) { // one workforce per account and region, the service's own text
            throw ServiceError.validation("Cannot create more than one workforce for account " + s.account
                    + ". If you are trying to update existing workforce, please use UpdateWorkforce API");
        }
        String name = str(r, "WorkforceName");
        WorkforceRecord wf = new WorkforceRecord(name, Arns.workforce(s.region, s.account, name),
                newSubDomain(s.region), now);
        wf.cognitoConfig = cognito == null ? null : Json.copy(cognito);
        wf.oidcConfig = oidc == null ? null : Json.copy(oidc);
        applyNetworkSettings(wf, r);
        tags.put(wf.tags, list(r, "Tags"), "workforce " + name);
        wf.startTransition(WorkforceRecord.INITIALIZING, provisioningFailure, lifecycle, now); // docs/lifecycle.md
        s.workforce = wf;
        return single("WorkforceArn", wf.arn);
    }

    private Map<String, Object> describe(RegionState s, Map<String, Object> r) {
        WorkforceRecord wf = require(s, str(r, "WorkforceName"));
        Map<String, Object> wire = wf.toWire();
        wf.countRead(); // the lifecycle: this read has shown the status
        return single("Workforce", wire);
    }

    private Map<String, Object> update(RegionState s, Map<String, Object> r, Instant now, String provisioningFailure) {
        WorkforceRecord wf = require(s, str(r, "WorkforceName"));
        if (wf.inTransition()) { // decision: the only modeled error, for a busy workforce (Failed may be updated)
            throw ServiceError.conflict("Workforce " + wf.name + " is " + wf.status() + "; it can be updated only "
                    + "when its status is Active or Failed. Wait until DescribeWorkforce shows Active, then retry.");
        }
        Map<String, Object> oidc = map(r, "OidcConfig");
        if (oidc != null) {
            if (!wf.isOidc()) { // a workforce keeps its identity provider type
                throw ServiceError.validation("Workforce " + wf.name + " uses Amazon Cognito; OidcConfig cannot be "
                        + "set on it. Delete its work teams and the workforce, then create an OIDC workforce.");
            }
            if (!s.workteams.isEmpty()) { // OIDC settings change only without work teams
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
            // LastUpdatedDate: "the most recent date that UpdateWorkforce was used to successfully add one or
            // more IP address ranges"; a VPC-only update keeps it equal to CreateDate (docs/fidelity.md).
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
            if (cidrs.size() > limits.maxCidrs()) { // UpdateWorkforce's documentation: "up to ten CIDRs"
                throw ServiceError.validation("SourceIpConfig has " + cidrs.size() + " CIDRs; a workforce allows at most "
                        + limits.maxCidrs() + ".");
            }
            wf.cidrs = Json.copy(cidrs);
        }
        if ("ipv4".equals(wf.ipAddressType)) { // decision: IPv6 ranges need IpAddressType dualstack
            for (Object cidr : wf.cidrs) {
                if (((String) cidr).contains(":")) {
                    throw ServiceError.validation("CIDR " + cidr + " is an IPv6 range; set IpAddressType to dualstack "
                            + "to allow IPv6 CIDRs.");
                }
            }
        }
        Map<String, Object> vpc = map(r, "WorkforceVpcConfig");
        if (vpc != null) {
            if (vpc.isEmpty()) { // the developer guide: {} removes the VPC configuration
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

    private Map<String, Object> delete(RegionState s, Map<String, Object> r, Instant now) {
        WorkforceRecord wf = require(s, str(r, "WorkforceName"));
        if (!s.workteams.isEmpty()) { // a workforce with work teams cannot be deleted
            throw ServiceError.resourceInUse("Workforce " + wf.name + " has " + s.workteams.size()
                    + " work team(s) (" + String.join(", ", s.workteams.keySet())
                    + "). Delete them before deleting the workforce.");
        }
        if (WorkforceRecord.DELETING.equals(wf.status())) {
            return new LinkedHashMap<>(); // decision: deleting again while Deleting changes nothing
        }
        wf.startTransition(WorkforceRecord.DELETING, null, lifecycle, now); // docs/lifecycle.md
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
        Pages.Page<WorkforceRecord> page = sortAndPage(all, byName ? BY_NAME : BY_DATE,
                r, Pages.query("ListWorkforces", r, "SortBy", "SortOrder", "NameContains"));
        List<Object> items = new ArrayList<>();
        for (WorkforceRecord w : page.items()) {
            items.add(w.toWire());
            w.countRead(); // the lifecycle: a listing that returns the workforce is a read
        }
        return listResponse("Workforces", items, page.nextToken());
    }

    private static WorkforceRecord require(RegionState s, String name) {
        if (s.workforce == null || !s.workforce.name.equals(name)) { // the service's message contains "No workforce"
            throw ServiceError.validation("No workforce found with name " + name + " in account " + s.account
                    + " and region " + s.region + ".");
        }
        return s.workforce;
    }

    /** A new workforce's SubDomain: 10 random lowercase letters and digits, then the region's domain. */
    static String newSubDomain(String region) {
        StringBuilder id = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            id.append(SUBDOMAIN_ALPHABET[RANDOM.nextInt(SUBDOMAIN_ALPHABET.length)]);
        }
        return id + ".labeling." + region + ".sagemaker.aws";
    }
}
