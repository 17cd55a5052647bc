package io.github.sagemakerfake.assertions;

import static io.github.sagemakerfake.assertions.Texts.list;
import static io.github.sagemakerfake.assertions.Texts.quote;

import io.github.sagemakerfake.control.WorkforceSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkforceResponse;
import software.amazon.awssdk.services.sagemaker.model.Workforce;

/**
 * Assertions on a private workforce: a {@link WorkforceSnapshot} from the fake's state, or the
 * SDK's {@link Workforce} as {@code DescribeWorkforce}, {@code UpdateWorkforce} or
 * {@code ListWorkforces} returned it, with one vocabulary.
 *
 * <pre>{@code
 * assertThat(fake).hasWorkforce()
 *         .isActive()
 *         .usesOidcIssuer("https://idp.example.com")
 *         .hasSourceIpCidrs("10.0.0.0/16")
 *         .hasSubDomainInRegion("us-east-1");
 * }</pre>
 */
public class WorkforceAssert extends AbstractFakeAssert<WorkforceAssert, WorkforceSnapshot> {

    /** The worker portal host the service hands out: ten lowercase letters or digits, then the region. */
    private static final String SUBDOMAIN_FORMAT = "[a-z0-9]{10}\\.labeling\\.%s\\.sagemaker\\.aws";

    public WorkforceAssert(WorkforceSnapshot actual) {
        super(actual, WorkforceAssert.class);
    }

    public WorkforceAssert(Workforce actual) {
        super(SdkWireForm.workforce(actual), WorkforceAssert.class);
    }

    public static WorkforceAssert assertThat(WorkforceSnapshot actual) {
        return new WorkforceAssert(actual);
    }

    public static WorkforceAssert assertThat(Workforce actual) {
        return new WorkforceAssert(actual);
    }

    public static WorkforceAssert assertThat(DescribeWorkforceResponse actual) {
        return new WorkforceAssert(actual == null ? null : actual.workforce());
    }

    // ------------------------------------------------------------------ identity

    /**
     * Verifies the workforce's name.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert hasName(String expected) {
        isNotNull();
        if (!Objects.equals(actual.name(), expected)) {
            failComparing(actual.name(), expected, "Expecting workforce to be named:%n  %s%nbut was:%n  %s",
                    quote(expected), quote(actual.name()));
        }
        return myself;
    }

    /**
     * Verifies the workforce's ARN.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert hasArn(String expected) {
        isNotNull();
        if (!Objects.equals(actual.arn(), expected)) {
            failComparing(actual.arn(), expected, "Expecting %s to have ARN:%n  %s%nbut was:%n  %s", workforce(),
                    quote(expected), quote(actual.arn()));
        }
        return myself;
    }

    // ------------------------------------------------------------------ status

    /**
     * {@code Initializing}, {@code Updating}, {@code Deleting}, {@code Failed} or {@code Active}.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert hasStatus(String expected) {
        isNotNull();
        if (!Objects.equals(actual.status(), expected)) {
            failComparing(actual.status(), expected, "Expecting %s to have status %s, but was %s%s", workforce(),
                    quote(expected), quote(actual.status()), lifecycleHint(actual.status()));
        }
        return myself;
    }

    /** Where the status is transitional, why a test may see it: the fake's lifecycle (docs/lifecycle.md). */
    static String lifecycleHint(String status) {
        if (!List.of("Initializing", "Updating", "Deleting").contains(status)) {
            return "";
        }
        return " (lifecycle: with the default OBSERVED(1), the first DescribeWorkforce or ListWorkforces read after a "
                + "change shows the transitional status and the next read the settled one; the fake's state and these "
                + "assertions are no reads. Poll with DescribeWorkforce as production code does, or build the fake "
                + "with Lifecycle.immediate(); with a TIMED lifecycle, advance the fake clock. See docs/lifecycle.md)";
    }

    /**
     * Verifies the status is {@code Active}: the workforce can be updated and its portal serves workers.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert isActive() {
        return hasStatus("Active");
    }

    /** Verifies the status is {@code Initializing}: created, and not yet read as often as the fake's lifecycle asks. */
    public WorkforceAssert isInitializing() {
        return hasStatus("Initializing");
    }

    /** Verifies the status is {@code Failed} with this {@code FailureReason}. */
    public WorkforceAssert hasFailed(String failureReason) {
        hasStatus("Failed");
        String actualReason = actual.failureReason().orElse(null);
        if (!Objects.equals(actualReason, failureReason)) {
            failComparing(actualReason, failureReason, "Expecting %s to have failed with reason %s, but the reason was %s",
                    workforce(), quote(failureReason), quote(actualReason));
        }
        return myself;
    }

    // ------------------------------------------------------------------ identity provider

    /**
     * Verifies the workforce authenticates workers with Amazon Cognito ({@code CognitoConfig}).
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert usesCognito() {
        isNotNull();
        if (!actual.isCognito()) {
            fail("Expecting %s to use Amazon Cognito, but it has %s", workforce(), identityProvider());
        }
        return myself;
    }

    /**
     * Verifies {@code CognitoConfig.UserPool}.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert usesCognitoUserPool(String userPool) {
        usesCognito();
        Object pool = actual.cognitoConfig().get("UserPool");
        if (!Objects.equals(pool, userPool)) {
            failComparing(pool, userPool, "Expecting %s to use Cognito user pool:%n  %s%nbut it uses:%n  %s",
                    workforce(), quote(userPool), quote(pool));
        }
        return myself;
    }

    /**
     * Verifies the workforce authenticates workers with an OIDC identity provider ({@code OidcConfig}).
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert usesOidc() {
        isNotNull();
        if (!actual.isOidc()) {
            fail("Expecting %s to use an OIDC identity provider, but it has %s", workforce(), identityProvider());
        }
        return myself;
    }

    /**
     * Verifies {@code OidcConfig.Issuer}.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert usesOidcIssuer(String issuer) {
        usesOidc();
        Object actualIssuer = actual.oidcConfig().get("Issuer");
        if (!Objects.equals(actualIssuer, issuer)) {
            failComparing(actualIssuer, issuer, "Expecting %s to use OIDC issuer:%n  %s%nbut it uses:%n  %s",
                    workforce(), quote(issuer), quote(actualIssuer));
        }
        return myself;
    }

    // ------------------------------------------------------------------ network

    /**
     * Verifies {@code SourceIpConfig.Cidrs} holds exactly these CIDRs, in any order.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert hasSourceIpCidrs(String... expected) {
        isNotNull();
        List<String> cidrs = actual.sourceIpCidrs();
        List<String> sortedCidrs = new ArrayList<>(cidrs);
        List<String> sortedExpected = new ArrayList<>(Arrays.asList(expected));
        sortedCidrs.sort(null);
        sortedExpected.sort(null);
        if (!sortedCidrs.equals(sortedExpected)) {
            fail("Expecting %s to allow exactly these source IP CIDRs:%n  %s%nbut it allows:%n  %s%s", workforce(),
                    list(Arrays.asList(expected)),
                    list(cidrs), cidrs.isEmpty() ? " (no restriction)" : "");
        }
        return myself;
    }

    /**
     * Verifies {@code SourceIpConfig.Cidrs} is empty: workers may sign in from anywhere.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert hasNoSourceIpRestriction() {
        isNotNull();
        if (!actual.sourceIpCidrs().isEmpty()) {
            fail("Expecting %s to have no source IP restriction, but it allows only:%n  %s", workforce(),
                    list(actual.sourceIpCidrs()));
        }
        return myself;
    }

    /**
     * {@code ipv4} or {@code dualstack}.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert hasIpAddressType(String expected) {
        isNotNull();
        Object type = actual.toMap().get("IpAddressType");
        if (!Objects.equals(type, expected)) {
            failComparing(type, expected, "Expecting %s to have IpAddressType %s, but was %s", workforce(),
                    quote(expected), quote(type));
        }
        return myself;
    }

    /**
     * Verifies the workforce's portal runs in this VPC ({@code WorkforceVpcConfig.VpcId}).
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert usesVpc(String vpcId) {
        isNotNull();
        Map<String, Object> vpc = actual.vpcConfig().orElse(null);
        if (vpc == null) {
            fail("Expecting %s to use VPC %s, but it has no WorkforceVpcConfig", workforce(), quote(vpcId));
        }
        if (!Objects.equals(vpc.get("VpcId"), vpcId)) {
            failComparing(vpc.get("VpcId"), vpcId, "Expecting %s to use VPC %s, but its WorkforceVpcConfig is %s",
                    workforce(), quote(vpcId), Texts.json(vpc));
        }
        return myself;
    }

    /**
     * Verifies that the workforce has no VPC configuration.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert hasNoVpc() {
        isNotNull();
        actual.vpcConfig().ifPresent(vpc ->
                fail("Expecting %s to have no WorkforceVpcConfig, but it has %s", workforce(), Texts.json(vpc)));
        return myself;
    }

    // ------------------------------------------------------------------ worker portal

    /**
     * The worker portal host, without scheme.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert hasSubDomain(String expected) {
        isNotNull();
        if (!Objects.equals(actual.subDomain(), expected)) {
            failComparing(actual.subDomain(), expected, "Expecting %s to have SubDomain:%n  %s%nbut was:%n  %s",
                    workforce(), quote(expected), quote(actual.subDomain()));
        }
        return myself;
    }

    /**
     * Verifies the portal host has the service's form for this region,
     * {@code <10 lowercase letters or digits>.labeling.<region>.sagemaker.aws}.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public WorkforceAssert hasSubDomainInRegion(String region) {
        isNotNull();
        String subDomain = actual.subDomain();
        if (subDomain == null || !Pattern.compile(String.format(SUBDOMAIN_FORMAT, Pattern.quote(region)))
                .matcher(subDomain).matches()) {
            fail("Expecting %s to have a SubDomain of the form:%n  <10 lowercase letters or digits>.labeling.%s"
                    + ".sagemaker.aws%nbut was:%n  %s", workforce(), region, quote(subDomain));
        }
        return myself;
    }

    // ------------------------------------------------------------------ helpers

    private String workforce() {
        return "workforce " + quote(actual.name());
    }

    private String identityProvider() {
        if (actual.isCognito()) {
            return "CognitoConfig " + Texts.json(actual.cognitoConfig());
        }
        if (actual.isOidc()) {
            return "OidcConfig with Issuer " + quote(actual.oidcConfig().get("Issuer"));
        }
        return "neither CognitoConfig nor OidcConfig";
    }


}
