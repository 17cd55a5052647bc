package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
import io.github.sagemakerfake.control.Lifecycle;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The private workforce of one account and region. Guarded by its {@link RegionState}'s lock.
 *
 * <p>Status: a create, update or delete puts the workforce in a transitional status (docs/lifecycle.md);
 * {@link #settle(Instant)} ends it once the fake's {@link Lifecycle} says so: after the reads
 * counted by {@link #countRead()} ({@code OBSERVED}), on the clock ({@code TIMED}), or at once
 * ({@code IMMEDIATE}). A transition ends {@code Active}, {@code Failed} (when a fault rule made the
 * provisioning fail), or, for {@code Deleting}, with the workforce gone.
 */
final class WorkforceRecord {

    static final String INITIALIZING = "Initializing";
    static final String UPDATING = "Updating";
    static final String DELETING = "Deleting";
    static final String ACTIVE = "Active";
    static final String FAILED = "Failed";
    private static final SecureRandom RANDOM = new SecureRandom();

    final String name;
    final String arn;
    final String subDomain;
    final Instant createDate;
    Instant lastUpdatedDate;
    Map<String, Object> cognitoConfig; // null for an OIDC workforce
    Map<String, Object> oidcConfig;    // null for a Cognito workforce; holds ClientSecret, never returned
    List<Object> cidrs = new ArrayList<>();
    Map<String, Object> vpcConfig;     // as requested (VpcId, SecurityGroupIds, Subnets); null when none
    String vpcEndpointId;              // assigned when a workforce with a VPC config becomes Active
    String ipAddressType = "ipv4";
    final Map<String, String> tags = new LinkedHashMap<>();
    /** The workforce {@code default} that a Cognito CreateWorkteam created; it goes with its last team. */
    boolean implicit;

    private String status = ACTIVE;
    private String failureReason;       // shown while Failed
    private String settlesTo;           // Active or Failed; unused while Deleting
    private String pendingFailureReason;
    private Lifecycle.Kind transitionKind;
    private int readsLeft;
    private Instant transitionEndsAt;
    private boolean gone;

    WorkforceRecord(String name, String arn, String subDomain, Instant createDate) {
        this.name = name;
        this.arn = arn;
        this.subDomain = subDomain;
        this.createDate = createDate;
        this.lastUpdatedDate = createDate;
    }

    /**
     * Enters {@code Initializing}, {@code Updating} or {@code Deleting}. A non-null
     * {@code failureReason} makes the transition end {@code Failed} with that reason.
     */
    void startTransition(String transitional, String failureReason, Lifecycle lifecycle, Instant now) {
        status = transitional;
        settlesTo = failureReason == null ? ACTIVE : FAILED;
        pendingFailureReason = failureReason;
        transitionKind = lifecycle.kind();
        readsLeft = lifecycle.reads();
        transitionEndsAt = now.plus(lifecycle.duration());
        settle(now);
    }

    /** Ends the transition if the lifecycle says it is over by {@code now}. */
    void settle(Instant now) {
        if (!inTransition()) {
            return;
        }
        boolean over = switch (transitionKind) {
            case IMMEDIATE -> true;
            case OBSERVED -> readsLeft <= 0;
            case TIMED -> !now.isBefore(transitionEndsAt);
        };
        if (over) {
            endTransition();
        }
    }

    /** A read (DescribeWorkforce, ListWorkforces) returned the workforce: it counts for {@code OBSERVED}. */
    void countRead() {
        if (inTransition() && transitionKind == Lifecycle.Kind.OBSERVED) {
            readsLeft--;
        }
    }

    /** Ends any transition now, as it would end (seeded workforces start settled). */
    void becomeActive() {
        if (inTransition()) {
            endTransition();
        }
    }

    private void endTransition() {
        if (DELETING.equals(status)) {
            gone = true;
            return;
        }
        status = settlesTo;
        failureReason = pendingFailureReason;
        pendingFailureReason = null;
        if (ACTIVE.equals(status) && vpcConfig != null && vpcEndpointId == null) {
            vpcEndpointId = newVpcEndpointId(); // the developer guide: absent until Active (docs/fidelity.md)
        }
    }

    boolean inTransition() {
        return INITIALIZING.equals(status) || UPDATING.equals(status) || DELETING.equals(status);
    }

    /** True once a deletion has completed: the region forgets the workforce. */
    boolean isGone() {
        return gone;
    }

    String status() {
        return status;
    }

    private static String newVpcEndpointId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return "vpce-" + HexFormat.of().formatHex(bytes).substring(0, 17);
    }

    boolean isOidc() {
        return oidcConfig != null;
    }

    /** The Workforce structure as DescribeWorkforce returns it. */
    Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("WorkforceName", name);
        wire.put("WorkforceArn", arn);
        wire.put("LastUpdatedDate", WireTime.epochSeconds(lastUpdatedDate));
        Map<String, Object> sourceIp = new LinkedHashMap<>();
        sourceIp.put("Cidrs", Json.copy(cidrs));
        wire.put("SourceIpConfig", sourceIp);
        wire.put("SubDomain", subDomain);
        if (cognitoConfig != null) {
            wire.put("CognitoConfig", Json.copy(cognitoConfig));
        }
        if (oidcConfig != null) {
            Map<String, Object> oidc = Json.copy(oidcConfig);
            oidc.remove("ClientSecret"); // OidcConfigForResponse has no ClientSecret
            wire.put("OidcConfig", oidc);
        }
        wire.put("CreateDate", WireTime.epochSeconds(createDate));
        if (vpcConfig != null) {
            Map<String, Object> vpc = Json.copy(vpcConfig);
            if (vpcEndpointId != null && !INITIALIZING.equals(status) && !UPDATING.equals(status)) {
                vpc.put("VpcEndpointId", vpcEndpointId);
            }
            wire.put("WorkforceVpcConfig", vpc);
        }
        wire.put("Status", status);
        if (FAILED.equals(status) && failureReason != null) {
            wire.put("FailureReason", failureReason);
        }
        wire.put("IpAddressType", ipAddressType);
        return wire;
    }
}
