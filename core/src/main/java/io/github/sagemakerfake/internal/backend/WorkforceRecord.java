package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The private workforce of one account and region. Guarded by its {@link RegionState}'s lock. */
final class WorkforceRecord {

    static final String INITIALIZING = "Initializing";
    static final String UPDATING = "Updating";
    static final String DELETING = "Deleting";
    static final String ACTIVE = "Active";

    final String name;
    final String arn;
    final String subDomain;
    final Instant createDate;
    Instant lastUpdatedDate;
    Map<String, Object> cognitoConfig; // null for an OIDC workforce
    Map<String, Object> oidcConfig;    // null for a Cognito workforce; holds ClientSecret, never returned
    List<Object> cidrs = new ArrayList<>();
    Map<String, Object> vpcConfig;     // response form, with VpcEndpointId; null when none
    String ipAddressType = "ipv4";
    final Map<String, String> tags = new LinkedHashMap<>();

    /** Initializing, Updating or Deleting while {@link #transitionEndsAt} is in the future. */
    String transition;
    Instant transitionEndsAt;

    WorkforceRecord(String name, String arn, String subDomain, Instant createDate) {
        this.name = name;
        this.arn = arn;
        this.subDomain = subDomain;
        this.createDate = createDate;
        this.lastUpdatedDate = createDate;
    }

    void startTransition(String status, Instant now, Duration delay) {
        if (delay.isZero()) {
            becomeActive();
        } else {
            transition = status;
            transitionEndsAt = now.plus(delay);
        }
    }

    /** Ends any transition: the workforce is Active from now on. */
    void becomeActive() {
        transition = null;
        transitionEndsAt = null;
    }

    /** True once a pending deletion has completed. */
    boolean isGone(Instant now) {
        return DELETING.equals(transition) && !now.isBefore(transitionEndsAt);
    }

    String status(Instant now) {
        if (transition != null && now.isBefore(transitionEndsAt)) {
            return transition;
        }
        return ACTIVE;
    }

    boolean isOidc() {
        return oidcConfig != null;
    }

    /** The Workforce structure as DescribeWorkforce returns it. */
    Map<String, Object> toWire(Instant now) {
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
            wire.put("WorkforceVpcConfig", Json.copy(vpcConfig));
        }
        wire.put("Status", status(now));
        wire.put("IpAddressType", ipAddressType);
        return wire;
    }
}
