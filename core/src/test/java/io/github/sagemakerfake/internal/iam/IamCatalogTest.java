package io.github.sagemakerfake.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Pins {@link IamCatalog} to the Service Authorization Reference rows in {@code iam/sagemaker-authorization.tsv}. */
class IamCatalogTest {

    static final String REGION = "us-west-2";
    static final String ACCOUNT = "111122223333";
    static final String VENDOR_TEAM = "arn:aws:sagemaker:us-west-2:111122223333:workteam/vendor-crowd/v1";
    static final String ROLE = "arn:aws:iam::111122223333:role/labeling";
    static final IamCatalog.Caller CALLER = new IamCatalog.Caller(ACCOUNT, REGION, "AKIDEXAMPLE");

    record Row(String operation, String access, String resourceType, String resource, Set<String> conditionKeys,
               List<String> extras) {
        @Override
        public String toString() {
            return operation;
        }
    }

    static List<Row> rows() throws IOException {
        try (InputStream in = IamCatalogTest.class.getResourceAsStream("/iam/sagemaker-authorization.tsv")) {
            List<Row> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("operation\t") || line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t");
                rows.add(new Row(c[0], c[1], c[2], c[3], c[4].equals("-") ? Set.of() : Set.of(c[4].split(",")),
                        c[5].equals("-") ? List.of() : List.of(c[5].split(","))));
            }
            return rows;
        }
    }

    /** A request with every member any operation reads, so every extra authorization is triggered. */
    static Map<String, Object> fullRequest() {
        Map<String, Object> r = new LinkedHashMap<>();
        for (String name : List.of("WorkforceName", "WorkteamName", "LabelingJobName", "FlowDefinitionName",
                "HumanTaskUiName")) {
            r.put(name, "n1");
        }
        r.put("WorkteamArn", VENDOR_TEAM);
        r.put("ResourceArn", VENDOR_TEAM);
        r.put("Tags", List.of(Map.of("Key", "Team", "Value", "a")));
        r.put("TagKeys", List.of("Team"));
        r.put("RoleArn", ROLE);
        r.put("CognitoConfig", Map.of("UserPool", "us-west-2_abc", "ClientId", "c"));
        r.put("MemberDefinitions", List.of(Map.of("CognitoMemberDefinition",
                Map.of("UserPool", "us-west-2_abc", "ClientId", "c", "UserGroup", "g"))));
        r.put("HumanTaskConfig", Map.of("WorkteamArn", VENDOR_TEAM));
        r.put("HumanLoopConfig", Map.of("WorkteamArn", VENDOR_TEAM));
        r.put("OutputConfig", Map.of("KmsKeyId", "arn:aws:kms:us-west-2:111122223333:key/k"));
        r.put("LabelingJobAlgorithmsConfig", Map.of("LabelingJobResourceConfig",
                Map.of("VolumeKmsKeyId", "arn:aws:kms:us-west-2:111122223333:key/v")));
        return r;
    }

    @Test
    void theCatalogHasExactlyTheReferencesOperations() throws IOException {
        assertThat(IamCatalog.operations()).containsExactlyElementsOf(rows().stream().map(Row::operation).toList());
        assertThat(IamCatalog.operations()).hasSize(28);
    }

    @Test
    void everyOperationTheFakeServesHasItsRow() {
        assertThat(IamCatalog.operations()).containsAll(io.github.sagemakerfake.internal.backend.Operation.wireNames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void authorizesTheOperationOnTheReferencesResourceWithItsExtras(Row row) {
        List<IamCatalog.Check> checks = IamCatalog.checks(row.operation(), fullRequest(), CALLER, Instant.EPOCH,
                arn -> Map.of("Team", "a"));
        AuthRequest main = checks.get(0).request();
        assertThat(main.action()).isEqualTo("sagemaker:" + row.operation());
        String expected = row.resource().replace("<r>", REGION).replace("<a>", ACCOUNT).replace("{WorkteamArn}",
                VENDOR_TEAM).replace("{ResourceArn}", VENDOR_TEAM).replaceAll("\\{[A-Za-z]+}", "n1");
        assertThat(main.resource()).isEqualTo(expected);
        assertThat(checks.stream().skip(1).map(c -> c.request().action()).distinct().toList())
                .containsExactlyElementsOf(row.extras());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void putsOnlyTheReferencesConditionKeysOfTheOperationInItsContext(Row row) {
        List<IamCatalog.Check> checks = IamCatalog.checks(row.operation(), fullRequest(), CALLER, Instant.EPOCH,
                arn -> Map.of("Team", "a"));
        Set<String> families = new TreeSet<>();
        for (String key : checks.get(0).request().keys().keySet()) {
            if (GLOBAL_KEYS.contains(key)) {
                continue;
            }
            families.add(family(key));
        }
        Set<String> sar = row.conditionKeys().stream().map(k -> k.toLowerCase()).collect(Collectors.toCollection(TreeSet::new));
        sar.remove("sagemaker:taggingaction"); // present only on the AddTags check a Create makes
        assertThat(families).isEqualTo(sar);
    }

    static final Set<String> GLOBAL_KEYS = Set.of("aws:requestedregion", "aws:principalaccount", "aws:principalarn",
            "aws:principaltype", "aws:username", "aws:userid", "aws:currenttime", "aws:epochtime");

    static String family(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash) + "/${tagkey}";
    }

    @Test
    void aCreateWithTagsIsAuthorizedForAddTagsOnTheNewArnWithTheTaggingAction() {
        List<IamCatalog.Check> checks = IamCatalog.checks("CreateWorkteam", Map.of("WorkteamName", "t",
                "Tags", List.of(Map.of("Key", "team", "Value", "a"))), CALLER, Instant.EPOCH, IamCatalog.ResourceTags.NONE);
        assertThat(checks).extracting(c -> c.request().action()).containsExactly("sagemaker:CreateWorkteam",
                "sagemaker:AddTags");
        AuthRequest addTags = checks.get(1).request();
        assertThat(addTags.resource()).isEqualTo("arn:aws:sagemaker:us-west-2:111122223333:workteam/private-crowd/t");
        assertThat(addTags.keys()).containsEntry("sagemaker:taggingaction", List.of("CreateWorkteam"))
                .containsEntry("aws:requesttag/team", List.of("a")).containsEntry("aws:tagkeys", List.of("team"));
        assertThat(checks.get(1).grantCondition()).isEqualTo(Map.of("StringEquals",
                Map.of("sagemaker:TaggingAction", "CreateWorkteam")));
    }

    @Test
    void withoutTagsThereIsNoAddTagsCheckAndAWorkforceNeverHasOne() {
        assertThat(IamCatalog.checks("CreateWorkteam", Map.of("WorkteamName", "t"), CALLER, Instant.EPOCH,
                IamCatalog.ResourceTags.NONE)).hasSize(1);
        assertThat(IamCatalog.checks("CreateWorkforce", Map.of("WorkforceName", "w", "Tags",
                List.of(Map.of("Key", "k", "Value", "v"))), CALLER, Instant.EPOCH, IamCatalog.ResourceTags.NONE))
                .extracting(c -> c.request().action()).containsExactly("sagemaker:CreateWorkforce");
    }

    @Test
    void passRoleIsOnTheRoleWithThePassedToServiceKey() {
        List<IamCatalog.Check> checks = IamCatalog.checks("CreateFlowDefinition", Map.of("FlowDefinitionName", "f",
                "RoleArn", ROLE), CALLER, Instant.EPOCH, IamCatalog.ResourceTags.NONE);
        AuthRequest pass = checks.get(1).request();
        assertThat(pass.action()).isEqualTo("iam:PassRole");
        assertThat(pass.resource()).isEqualTo(ROLE);
        assertThat(pass.keys()).containsEntry("iam:passedtoservice", List.of("sagemaker.amazonaws.com"));
    }

    @Test
    void theWorkteamTypeIsTheArnsCrowdSegment() {
        assertThat(Stream.of(VENDOR_TEAM, "arn:aws:sagemaker:us-west-2:394669845002:workteam/public-crowd/default",
                "arn:aws:sagemaker:us-west-2:111122223333:workteam/private-crowd/t")
                .map(IamCatalog::workteamType)).containsExactly("vendor-crowd", "public-crowd", "private-crowd");
    }

    @Test
    void aRequestWithoutTheMemberNamingItsResourceIsLeftToValidation() {
        assertThat(IamCatalog.checks("DescribeWorkteam", Map.of(), CALLER, Instant.EPOCH, IamCatalog.ResourceTags.NONE))
                .isEmpty();
        assertThat(IamCatalog.checks("NotAnOperation", Map.of(), CALLER, Instant.EPOCH, IamCatalog.ResourceTags.NONE))
                .isEmpty();
    }

    @Test
    void theCallerIsAnIamUserNamedAfterItsAccessKey() {
        assertThat(CALLER.principalArn()).isEqualTo("arn:aws:iam::111122223333:user/AKIDEXAMPLE");
        assertThat(new IamCatalog.Caller("111122223333", "cn-north-1", null).principalArn())
                .isEqualTo("arn:aws-cn:iam::111122223333:user/anonymous");
    }
}
