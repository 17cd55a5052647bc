package io.github.sagemakerfake.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.sagemakerfake.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValidatorTest {

    static final String WORKTEAM_NAME_PATTERN = "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}";
    static final String TAG_PATTERN = "([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)";

    static final String OIDC = """
            "OidcConfig": {"ClientId": "client", "ClientSecret": "s3cr3t-value",
              "Issuer": "https://idp.example.com", "AuthorizationEndpoint": "https://idp.example.com/auth",
              "TokenEndpoint": "https://idp.example.com/token", "UserInfoEndpoint": "https://idp.example.com/userinfo",
              "LogoutEndpoint": "https://idp.example.com/logout", "JwksUri": "https://idp.example.com/jwks" %s}""";

    // ---- helpers -------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) {
        return (Map<String, Object>) Json.parse(text);
    }

    static String validationMessage(String shape, String body) {
        RequestValidationException e = catchThrowableOfType(RequestValidationException.class,
                () -> RequestValidator.validate(shape, json(body)));
        assertThat(e).as("expected a validation error for %s", body).isNotNull();
        return e.getMessage();
    }

    static String serializationMessage(String shape, String body) {
        RequestSerializationException e = catchThrowableOfType(RequestSerializationException.class,
                () -> RequestValidator.validate(shape, json(body)));
        assertThat(e).as("expected a serialization error for %s", body).isNotNull();
        return e.getMessage();
    }

    static void assertValid(String shape, String body) {
        assertThatCode(() -> RequestValidator.validate(shape, json(body))).as(body).doesNotThrowAnyException();
    }

    static String one(String violation) {
        return "1 validation error detected: " + violation;
    }

    // ---- texts observed from the real service ---------------------------------------------------

    @Nested
    class RealServiceTexts {

        @Test
        void emptyResourceArnOnListTags() {
            // the service's text as users report it (docs/fidelity.md, "Validation"), byte for byte
            assertThat(validationMessage("ListTagsInput", "{\"ResourceArn\": \"\"}")).isEqualTo(
                    "1 validation error detected: Value '' at 'resourceArn' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: "
                            + "arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:.+");
        }

        @Test
        void tooLongAndMalformedNameGivesTwoErrorsLengthFirst() {
            // the shape of the real modelName text (docs/fidelity.md, "Validation") on a WorkteamName
            String name = "my_" + "a".repeat(61);
            assertThat(validationMessage("DescribeWorkteamRequest", "{\"WorkteamName\": \"" + name + "\"}"))
                    .isEqualTo("2 validation errors detected: "
                            + "Value '" + name + "' at 'workteamName' failed to satisfy constraint: "
                            + "Member must have length less than or equal to 63; "
                            + "Value '" + name + "' at 'workteamName' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: " + WORKTEAM_NAME_PATTERN);
        }
    }

    // ---- each constraint kind ------------------------------------------------------------------

    @Nested
    class Required {

        @Test
        void missingTopLevelMember() {
            assertThat(validationMessage("DescribeWorkteamRequest", "{}")).isEqualTo(one(
                    "Value null at 'workteamName' failed to satisfy constraint: Member must not be null"));
        }

        @Test
        void jsonNullCountsAsMissing() {
            assertThat(validationMessage("DescribeWorkteamRequest", "{\"WorkteamName\": null}")).isEqualTo(one(
                    "Value null at 'workteamName' failed to satisfy constraint: Member must not be null"));
        }

        @Test
        void nullBodyCountsAsEmptyObject() {
            RequestValidationException e = catchThrowableOfType(RequestValidationException.class,
                    () -> RequestValidator.validate("DescribeWorkforceRequest", null));
            assertThat(e.getMessage()).isEqualTo(one(
                    "Value null at 'workforceName' failed to satisfy constraint: Member must not be null"));
        }

        @Test
        void requiredAtDepthInsideAListElement() {
            String body = """
                    {"WorkteamName": "team", "Description": "d", "MemberDefinitions": [
                      {"OidcMemberDefinition": {"Groups": ["g"]}},
                      {"CognitoMemberDefinition": {"UserPool": "us-east-1_abc", "ClientId": "c"}}]}""";
            assertThat(validationMessage("CreateWorkteamRequest", body)).isEqualTo(one(
                    "Value null at 'memberDefinitions.2.member.cognitoMemberDefinition.userGroup' "
                            + "failed to satisfy constraint: Member must not be null"));
        }

        @Test
        void requiredInsideTags() {
            assertThat(validationMessage("AddTagsInput",
                    "{\"ResourceArn\": \"arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/t\","
                            + " \"Tags\": [{\"Key\": \"k\", \"Value\": \"v\"}, {\"Key\": \"k2\"}]}"))
                    .isEqualTo(one("Value null at 'tags.2.member.value' failed to satisfy constraint: "
                            + "Member must not be null"));
        }

        @Test
        void requiredMembersOfEveryOperationInputAreReported() {
            for (Operation op : SageMakerShapes.operations().values()) {
                Shape input = SageMakerShapes.shape(op.input());
                List<String> expected = input.members().stream().filter(Shape.Member::required)
                        .map(m -> "Value null at '" + CompiledShapes.lowerFirst(m.name())
                                + "' failed to satisfy constraint: Member must not be null")
                        .toList();
                if (expected.isEmpty()) {
                    assertValid(op.input(), "{}");
                } else {
                    RequestValidationException e = catchThrowableOfType(RequestValidationException.class,
                            () -> RequestValidator.validate(op.input(), Map.of()));
                    assertThat(e.violations()).as(op.name()).containsExactlyElementsOf(expected);
                }
            }
        }
    }

    @Nested
    class Length {

        @Test
        void tooLong() {
            String description = "d".repeat(201);
            assertThat(validationMessage("UpdateWorkteamRequest",
                    "{\"WorkteamName\": \"t\", \"Description\": \"" + description + "\"}"))
                    .isEqualTo(one("Value '" + description + "' at 'description' failed to satisfy constraint: "
                            + "Member must have length less than or equal to 200"));
        }

        @Test
        void boundariesAreInclusive() {
            assertValid("DescribeWorkteamRequest", "{\"WorkteamName\": \"" + "a".repeat(63) + "\"}");
            assertValid("DescribeWorkteamRequest", "{\"WorkteamName\": \"a\"}");
        }

        @Test
        void emptyBreaksMinimumAndPattern() {
            assertThat(validationMessage("DescribeWorkteamRequest", "{\"WorkteamName\": \"\"}")).isEqualTo(
                    "2 validation errors detected: "
                            + "Value '' at 'workteamName' failed to satisfy constraint: "
                            + "Member must have length greater than or equal to 1; "
                            + "Value '' at 'workteamName' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: " + WORKTEAM_NAME_PATTERN);
        }

        @Test
        void lengthCountsCodePointsNotUtf16Units() {
            String emoji = "\uD83D\uDE00"; // one code point, two UTF-16 units
            String body = "{\"WorkteamName\": \"t\", \"Description\": \"%s\"}";
            assertValid("UpdateWorkteamRequest", body.formatted(emoji.repeat(200)));
            assertValid("UpdateWorkteamRequest", body.formatted(emoji));
            String tooLong = emoji.repeat(201);
            assertThat(validationMessage("UpdateWorkteamRequest", body.formatted(tooLong))).isEqualTo(one(
                    "Value '" + tooLong + "' at 'description' failed to satisfy constraint: "
                            + "Member must have length less than or equal to 200"));
        }

        @Test
        void elementLengthCountsCodePointsToo() {
            String letter = "\uD842\uDFB7"; // U+20BB7, a letter (\\p{L}) outside the BMP
            String body = "{\"ResourceArn\": \"arn:aws:sagemaker:us-east-1:123456789012:workteam/x\","
                    + " \"TagKeys\": [\"%s\"]}";
            assertValid("DeleteTagsInput", body.formatted(letter.repeat(128))); // 256 UTF-16 units; TagKey is 1..128
            assertThat(validationMessage("DeleteTagsInput", body.formatted(letter.repeat(129))))
                    .contains("at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: [");
        }
    }

    @Nested
    class Patterns {

        @ParameterizedTest
        @ValueSource(strings = {"my_team", "team-", "-team", "team name", "t\u00e9am"})
        void workteamNameMustMatchInFull(String name) {
            assertThat(validationMessage("DescribeWorkteamRequest", "{\"WorkteamName\": \"" + name + "\"}"))
                    .isEqualTo(one("Value '" + name + "' at 'workteamName' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: " + WORKTEAM_NAME_PATTERN));
        }

        @ParameterizedTest
        @ValueSource(strings = {"team", "my-team", "a--b", "A1"})
        void validWorkteamNames(String name) {
            assertValid("DescribeWorkteamRequest", "{\"WorkteamName\": \"" + name + "\"}");
        }

        @Test
        void workforceNameAllowsATrailingHyphenUnlikeWorkteamName() {
            assertValid("DescribeWorkforceRequest", "{\"WorkforceName\": \"wf-\"}");
            assertThat(validationMessage("DescribeWorkforceRequest", "{\"WorkforceName\": \"wf_\"}")).isEqualTo(one(
                    "Value 'wf_' at 'workforceName' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: [a-zA-Z0-9]([a-zA-Z0-9\\-]){0,62}"));
        }

        @Test
        void nestedPatternIsPrintedVerbatim() {
            String body = """
                    {"WorkteamName": "team", "Description": "d", "MemberDefinitions": [
                      {"CognitoMemberDefinition": {"UserPool": "bad pool", "UserGroup": "g", "ClientId": "c"}}]}""";
            assertThat(validationMessage("CreateWorkteamRequest", body)).isEqualTo(one(
                    "Value 'bad pool' at 'memberDefinitions.1.member.cognitoMemberDefinition.userPool' "
                            + "failed to satisfy constraint: Member must satisfy regular expression pattern: "
                            + "[\\w-]+_[0-9a-zA-Z]+"));
        }

        @Test
        void dotDoesNotMatchANewline() {
            assertThat(validationMessage("UpdateWorkteamRequest", "{\"WorkteamName\": \"t\", \"Description\": \"a\\nb\"}"))
                    .isEqualTo(one("Value 'a\nb' at 'description' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: .+"));
        }

        @Test
        void cidrPatternFromTheModelIsUsedVerbatim() {
            String ok = "{\"WorkforceName\": \"wf\", \"SourceIpConfig\": {\"Cidrs\": [%s]}}";
            assertValid("UpdateWorkforceRequest", ok.formatted("\"10.0.0.0/16\", \"192.168.1.1/32\""));
            assertValid("UpdateWorkforceRequest", ok.formatted("\"2001:db8:1234:1a00::/56\""));
            assertValid("UpdateWorkforceRequest", ok.formatted(""));
            String cidr = SageMakerShapes.shape("Cidr").pattern();
            assertThat(validationMessage("UpdateWorkforceRequest", ok.formatted("\"10.0.0.0/16\", \"10.0.0.0\"")))
                    .isEqualTo(one("Value '[10.0.0.0/16, 10.0.0.0]' at 'sourceIpConfig.cidrs' failed to satisfy "
                            + "constraint: Member must satisfy constraint: [Member must have length less than or "
                            + "equal to 64, Member must have length greater than or equal to 4, Member must "
                            + "satisfy regular expression pattern: " + cidr + "]"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "abc", "a\nb", "\n", "\r", "x\u0085", "\u2028", "a\u2029b", "\uD83D\uDE00",
                "\uD800", "tab\tok", "\r\n"})
        void fastPathsForDotStarAndDotPlusAgreeWithTheRegexEngine(String s) {
            for (String regex : List.of(".*", ".+")) {
                Predicate<String> fast = CompiledShapes.compilePattern(regex);
                assertThat(fast.test(s)).as("%s on %s", regex, s).isEqualTo(Pattern.compile(regex).matcher(s).matches());
            }
        }

        @Test
        void rememberedVerdictsAreTheRegexEnginesForRepeatedNewAndLongValuesPastTheBound() {
            String regex = "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}";
            Pattern engine = Pattern.compile(regex);
            Predicate<String> remembered = CompiledShapes.compilePattern(regex);
            List<String> values = new java.util.ArrayList<>();
            for (int i = 0; i < 3 * CompiledShapes.RememberedMatches.MAX_VALUES; i++) {
                values.add(i % 3 == 0 ? "team-" + i : i % 3 == 1 ? "-bad-" + i : "x".repeat(60 + i % 10));
            }
            values.add("a".repeat(CompiledShapes.RememberedMatches.MAX_LENGTH + 1));
            values.add("a".repeat(CompiledShapes.RememberedMatches.MAX_LENGTH + 1) + "!");
            for (int pass = 0; pass < 3; pass++) { // the second and third passes answer from memory, partly
                for (String v : values) {
                    assertThat(remembered.test(v)).as("%s on %s, pass %d", regex, v, pass)
                            .isEqualTo(engine.matcher(v).matches());
                }
            }
        }
    }

    @Nested
    class Enums {

        @Test
        void valueOutsideTheSet() {
            assertThat(validationMessage("ListWorkteamsRequest", "{\"SortBy\": \"CreationTime\"}")).isEqualTo(one(
                    "Value 'CreationTime' at 'sortBy' failed to satisfy constraint: "
                            + "Member must satisfy enum value set: [Name, CreateDate]"));
        }

        @Test
        void enumsAreCaseSensitive() {
            assertThat(validationMessage("ListWorkforcesRequest", "{\"SortOrder\": \"ascending\"}")).isEqualTo(one(
                    "Value 'ascending' at 'sortOrder' failed to satisfy constraint: "
                            + "Member must satisfy enum value set: [Ascending, Descending]"));
            assertValid("ListWorkforcesRequest", "{\"SortOrder\": \"Ascending\", \"SortBy\": \"CreateDate\"}");
        }

        @Test
        void nestedEnum() {
            String body = "{\"WorkteamName\": \"t\", \"WorkerAccessConfiguration\": {\"S3Presign\": "
                    + "{\"IamPolicyConstraints\": {\"SourceIp\": \"On\"}}}}";
            assertThat(validationMessage("UpdateWorkteamRequest", body)).isEqualTo(one(
                    "Value 'On' at 'workerAccessConfiguration.s3Presign.iamPolicyConstraints.sourceIp' "
                            + "failed to satisfy constraint: Member must satisfy enum value set: [Enabled, Disabled]"));
        }
    }

    @Nested
    class NumericRange {

        @Test
        void aboveAndBelow() {
            assertThat(validationMessage("ListWorkteamsRequest", "{\"MaxResults\": 101}")).isEqualTo(one(
                    "Value '101' at 'maxResults' failed to satisfy constraint: "
                            + "Member must have value less than or equal to 100"));
            assertThat(validationMessage("ListWorkteamsRequest", "{\"MaxResults\": 0}")).isEqualTo(one(
                    "Value '0' at 'maxResults' failed to satisfy constraint: "
                            + "Member must have value greater than or equal to 1"));
            assertThat(validationMessage("ListWorkteamsRequest", "{\"MaxResults\": -5}")).isEqualTo(one(
                    "Value '-5' at 'maxResults' failed to satisfy constraint: "
                            + "Member must have value greater than or equal to 1"));
            assertValid("ListWorkteamsRequest", "{\"MaxResults\": 100}");
            assertValid("ListWorkteamsRequest", "{\"MaxResults\": 1}");
        }

        @Test
        void hugeNumbersDoNotOverflow() {
            // 2^64 + 1 would be 1 after a long overflow
            assertThat(validationMessage("ListWorkteamsRequest", "{\"MaxResults\": 18446744073709551617}")).isEqualTo(
                    one("Value '18446744073709551617' at 'maxResults' failed to satisfy constraint: "
                            + "Member must have value less than or equal to 100"));
            assertThat(validationMessage("ListWorkteamsRequest", "{\"MaxResults\": 1e400}")).isEqualTo(one(
                    "Value '1E+400' at 'maxResults' failed to satisfy constraint: "
                            + "Member must have value less than or equal to 100"));
            assertThat(validationMessage("ListWorkteamsRequest", "{\"MaxResults\": -1e400}")).isEqualTo(one(
                    "Value '-1E+400' at 'maxResults' failed to satisfy constraint: "
                            + "Member must have value greater than or equal to 1"));
        }

        @Test
        void listTagsMaxResultsHasOnlyAMinimum() {
            String arn = "\"ResourceArn\": \"arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/t\"";
            assertThat(validationMessage("ListTagsInput", "{" + arn + ", \"MaxResults\": 49}")).isEqualTo(one(
                    "Value '49' at 'maxResults' failed to satisfy constraint: "
                            + "Member must have value greater than or equal to 50"));
            assertValid("ListTagsInput", "{" + arn + ", \"MaxResults\": 50}");
            assertValid("ListTagsInput", "{" + arn + ", \"MaxResults\": 1000000}");
        }

        @Test
        void integralNumbersWrittenWithAFractionOrExponentAreIntegers() {
            assertValid("ListWorkteamsRequest", "{\"MaxResults\": 10.0}");
            assertValid("ListWorkteamsRequest", "{\"MaxResults\": 1e1}");
        }
    }

    @Nested
    class ListsAndMaps {

        static final String ARN = "\"ResourceArn\": \"arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/t\"";

        @Test
        void listTooShort() {
            assertThat(validationMessage("DeleteTagsInput", "{" + ARN + ", \"TagKeys\": []}")).isEqualTo(one(
                    "Value '[]' at 'tagKeys' failed to satisfy constraint: "
                            + "Member must have length greater than or equal to 1"));
        }

        @Test
        void listTooLongPrintsItsStructures() {
            String member = "{\"CognitoMemberDefinition\": {\"UserPool\": \"us-east-1_abc\", \"UserGroup\": \"g\", "
                    + "\"ClientId\": \"c\"}}";
            String members = IntStream.range(0, 11).mapToObj(i -> member).collect(Collectors.joining(", "));
            String printed = IntStream.range(0, 11)
                    .mapToObj(i -> "{CognitoMemberDefinition={ClientId=c, UserGroup=g, UserPool=us-east-1_abc}}")
                    .collect(Collectors.joining(", ", "[", "]"));
            assertThat(validationMessage("CreateWorkteamRequest",
                    "{\"WorkteamName\": \"t\", \"Description\": \"d\", \"MemberDefinitions\": [" + members + "]}"))
                    .isEqualTo(one("Value '" + printed + "' at 'memberDefinitions' failed to satisfy constraint: "
                            + "Member must have length less than or equal to 10"));
        }

        @Test
        void fiftyOneTags() {
            String tags = IntStream.range(0, 51).mapToObj(i -> "{\"Key\": \"k" + i + "\", \"Value\": \"v\"}")
                    .collect(Collectors.joining(", "));
            RequestValidationException e = catchThrowableOfType(RequestValidationException.class,
                    () -> RequestValidator.validate("AddTagsInput", json("{" + ARN + ", \"Tags\": [" + tags + "]}")));
            assertThat(e.violations()).hasSize(1);
            assertThat(e.getMessage()).startsWith("1 validation error detected: Value '[{Key=k0, Value=v}, {Key=k1, ")
                    .endsWith("{Key=k50, Value=v}]' at 'tags' failed to satisfy constraint: "
                            + "Member must have length less than or equal to 50");
        }

        @Test
        void scalarElementsAreJudgedAsOneListViolationListingAllElementConstraints() {
            assertThat(validationMessage("DeleteTagsInput", "{" + ARN + ", \"TagKeys\": [\"ok\", \"\", \"a#b\"]}"))
                    .isEqualTo(one("Value '[ok, , a#b]' at 'tagKeys' failed to satisfy constraint: "
                            + "Member must satisfy constraint: [Member must have length less than or equal to 128, "
                            + "Member must have length greater than or equal to 1, "
                            + "Member must satisfy regular expression pattern: " + TAG_PATTERN + "]"));
        }

        @Test
        void sizeViolationComesBeforeTheElementViolation() {
            String groups = IntStream.range(0, 11).mapToObj(i -> i == 10 ? "\"\"" : "\"g" + i + "\"")
                    .collect(Collectors.joining(", "));
            String printed = IntStream.range(0, 11).mapToObj(i -> i == 10 ? "" : "g" + i)
                    .collect(Collectors.joining(", ", "[", "]"));
            String body = "{\"WorkteamName\": \"t\", \"MemberDefinitions\": [{\"OidcMemberDefinition\": "
                    + "{\"Groups\": [" + groups + "]}}]}";
            String path = "memberDefinitions.1.member.oidcMemberDefinition.groups";
            assertThat(validationMessage("UpdateWorkteamRequest", body)).isEqualTo("2 validation errors detected: "
                    + "Value '" + printed + "' at '" + path + "' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 10; "
                    + "Value '" + printed + "' at '" + path + "' failed to satisfy constraint: "
                    + "Member must satisfy constraint: [Member must have length less than or equal to 63, "
                    + "Member must have length greater than or equal to 1, "
                    + "Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+]");
        }

        @Test
        void elementsOfStructuresUseOneBasedMemberPaths() {
            assertThat(validationMessage("AddTagsInput", "{" + ARN + ", \"Tags\": ["
                    + "{\"Key\": \"ok\", \"Value\": \"v\"}, {\"Key\": \"\", \"Value\": \"a#b\"}]}"))
                    .isEqualTo("2 validation errors detected: "
                            + "Value '' at 'tags.2.member.key' failed to satisfy constraint: "
                            + "Member must have length greater than or equal to 1; "
                            + "Value 'a#b' at 'tags.2.member.value' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: " + TAG_PATTERN);
        }

        @Test
        void mapKeysAndValuesAreReportedOnceEachAtTheMapPathKeysFirst() {
            String longKey = "k".repeat(513);
            String extra = ", \"AuthenticationRequestExtraParams\": {\"" + longKey + "\": \"v\", \"a\": \"x\\ny\", "
                    + "\"b\": \"x\\ny\"}";
            String body = "{\"WorkforceName\": \"wf\", " + OIDC.formatted(extra) + "}";
            String printed = "{" + longKey + "=v, a=x\ny, b=x\ny}";
            String path = "oidcConfig.authenticationRequestExtraParams";
            String bracket = "[Member must have length less than or equal to 512, Member must have length greater "
                    + "than or equal to 0, Member must satisfy regular expression pattern: .*]";
            assertThat(validationMessage("UpdateWorkforceRequest", body)).isEqualTo("2 validation errors detected: "
                    + "Value '" + printed + "' at '" + path + "' failed to satisfy constraint: "
                    + "Map keys must satisfy constraint: " + bracket + "; "
                    + "Value '" + printed + "' at '" + path + "' failed to satisfy constraint: "
                    + "Map value must satisfy constraint: " + bracket);
        }

        @Test
        void mapWithTooManyEntries() {
            String entries = IntStream.range(0, 11).mapToObj(i -> "\"p" + i + "\": \"v\"")
                    .collect(Collectors.joining(", "));
            String printed = IntStream.range(0, 11).mapToObj(i -> "p" + i + "=v")
                    .collect(Collectors.joining(", ", "{", "}"));
            String body = "{\"WorkforceName\": \"wf\", "
                    + OIDC.formatted(", \"AuthenticationRequestExtraParams\": {" + entries + "}") + "}";
            assertThat(validationMessage("CreateWorkforceRequest", body)).isEqualTo(one(
                    "Value '" + printed + "' at 'oidcConfig.authenticationRequestExtraParams' failed to satisfy "
                            + "constraint: Member must have length less than or equal to 10"));
        }
    }

    // ---- sensitive members, aggregation, unknown members -----------------------------------------

    @Nested
    class Sensitive {

        @Test
        void clientSecretIsNeverEchoed() {
            String body = "{\"WorkforceName\": \"wf\", "
                    + OIDC.replace("\"s3cr3t-value\"", "\"s3cr3t\\tvalue\"").formatted("") + "}";
            String message = validationMessage("CreateWorkforceRequest", body);
            assertThat(message).isEqualTo(one("Value at 'oidcConfig.clientSecret' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [ -~]+"));
            assertThat(message).doesNotContain("s3cr3t");
        }

        @Test
        void emptyAndMissingClientSecret() {
            String empty = "{\"WorkforceName\": \"wf\", " + OIDC.replace("\"s3cr3t-value\"", "\"\"").formatted("") + "}";
            assertThat(validationMessage("CreateWorkforceRequest", empty)).isEqualTo("2 validation errors detected: "
                    + "Value at 'oidcConfig.clientSecret' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1; "
                    + "Value at 'oidcConfig.clientSecret' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [ -~]+");
            String missing = "{\"WorkforceName\": \"wf\", "
                    + OIDC.replace("\"ClientSecret\": \"s3cr3t-value\",", "").formatted("") + "}";
            assertThat(validationMessage("CreateWorkforceRequest", missing)).isEqualTo(one(
                    "Value at 'oidcConfig.clientSecret' failed to satisfy constraint: Member must not be null"));
        }

        @Test
        void nonSensitiveSiblingsAreStillEchoed() {
            String body = "{\"WorkforceName\": \"wf\", "
                    + OIDC.replace("https://idp.example.com/jwks", "http://idp").formatted("") + "}";
            assertThat(validationMessage("UpdateWorkforceRequest", body)).isEqualTo(one(
                    "Value 'http://idp' at 'oidcConfig.jwksUri' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: https://\\S+"));
        }
    }

    @Nested
    class Aggregation {

        @Test
        void allViolationsInModelOrderDepthFirst() {
            String body = """
                    {"WorkteamName": "bad_name", "Description": "",
                     "MemberDefinitions": [{"CognitoMemberDefinition": {"UserPool": "p", "ClientId": "c"}}],
                     "NotificationConfiguration": {"NotificationTopicArn": "arn:aws:sns:us-east-1:1:topic"},
                     "Tags": [{"Key": "k"}]}""";
            RequestValidationException e = catchThrowableOfType(RequestValidationException.class,
                    () -> RequestValidator.validate("CreateWorkteamRequest", json(body)));
            List<String> expected = List.of(
                    "Value '' at 'description' failed to satisfy constraint: "
                            + "Member must have length greater than or equal to 1",
                    "Value '' at 'description' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: .+",
                    "Value null at 'memberDefinitions.1.member.cognitoMemberDefinition.userGroup' failed to "
                            + "satisfy constraint: Member must not be null",
                    "Value 'p' at 'memberDefinitions.1.member.cognitoMemberDefinition.userPool' failed to "
                            + "satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
                    "Value 'arn:aws:sns:us-east-1:1:topic' at 'notificationConfiguration.notificationTopicArn' "
                            + "failed to satisfy constraint: Member must satisfy regular expression pattern: "
                            + "arn:aws[a-z\\-]*:sns:[a-z0-9\\-]*:[0-9]{12}:[a-zA-Z0-9_.-]*",
                    "Value null at 'tags.1.member.value' failed to satisfy constraint: Member must not be null",
                    "Value 'bad_name' at 'workteamName' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: " + WORKTEAM_NAME_PATTERN);
            assertThat(e.violations()).containsExactlyElementsOf(expected);
            assertThat(e.getMessage()).isEqualTo("7 validation errors detected: " + String.join("; ", expected));
        }

        @Test
        void emptyCreateWorkteam() {
            assertThat(validationMessage("CreateWorkteamRequest", "{}")).isEqualTo("3 validation errors detected: "
                    + "Value null at 'description' failed to satisfy constraint: Member must not be null; "
                    + "Value null at 'memberDefinitions' failed to satisfy constraint: Member must not be null; "
                    + "Value null at 'workteamName' failed to satisfy constraint: Member must not be null");
        }
    }

    @Nested
    class UnknownMembers {

        @Test
        void areIgnoredAtEveryDepthWhateverTheirType() {
            assertValid("DescribeWorkteamRequest", "{\"WorkteamName\": \"t\", \"Bogus\": 5, \"workteamName\": {}}");
            assertValid("UpdateWorkteamRequest", "{\"WorkteamName\": \"t\", \"NotificationConfiguration\": "
                    + "{\"NotificationTopicArn\": \"arn:aws:sns:us-east-1:123456789012:t\", \"Extra\": [1, 2]}}");
        }
    }

    // ---- wrong JSON types ------------------------------------------------------------------------

    @Nested
    class TypeMismatches {

        static Stream<Object[]> cases() {
            String arn = "\"ResourceArn\": \"arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/t\"";
            return Stream.of(
                    new Object[] {"DescribeWorkteamRequest", "{\"WorkteamName\": 5}",
                            "Cannot deserialize 'workteamName': expected a string but found a number"},
                    new Object[] {"DescribeWorkteamRequest", "{\"WorkteamName\": true}",
                            "Cannot deserialize 'workteamName': expected a string but found a boolean"},
                    new Object[] {"DescribeWorkteamRequest", "{\"WorkteamName\": [\"t\"]}",
                            "Cannot deserialize 'workteamName': expected a string but found an array"},
                    new Object[] {"DescribeWorkteamRequest", "{\"WorkteamName\": {}}",
                            "Cannot deserialize 'workteamName': expected a string but found an object"},
                    new Object[] {"ListWorkteamsRequest", "{\"MaxResults\": 1.5}",
                            "Cannot deserialize 'maxResults': expected an integer but found the fractional number 1.5"},
                    new Object[] {"ListWorkteamsRequest", "{\"MaxResults\": \"10\"}",
                            "Cannot deserialize 'maxResults': expected an integer but found a string"},
                    new Object[] {"ListLabelingJobsForWorkteamRequest",
                            "{\"WorkteamArn\": \"arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/t\","
                                    + " \"CreationTimeAfter\": \"2024-01-01T00:00:00Z\"}",
                            "Cannot deserialize 'creationTimeAfter': expected a timestamp (epoch seconds as a JSON "
                                    + "number) but found a string"},
                    new Object[] {"CreateWorkteamRequest", "{\"MemberDefinitions\": \"x\"}",
                            "Cannot deserialize 'memberDefinitions': expected a list (JSON array) but found a string"},
                    new Object[] {"CreateWorkteamRequest", "{\"MemberDefinitions\": [\"x\"]}",
                            "Cannot deserialize 'memberDefinitions.1.member': expected a structure (JSON object) "
                                    + "but found a string"},
                    new Object[] {"CreateWorkteamRequest", "{\"MemberDefinitions\": [{}, null]}",
                            "Cannot deserialize 'memberDefinitions.2.member': expected a structure (JSON object) "
                                    + "but found null"},
                    new Object[] {"DeleteTagsInput", "{" + arn + ", \"TagKeys\": [\"a\", 1]}",
                            "Cannot deserialize 'tagKeys.2.member': expected a string but found a number"},
                    new Object[] {"DeleteTagsInput", "{" + arn + ", \"TagKeys\": [null]}",
                            "Cannot deserialize 'tagKeys.1.member': expected a string but found null"},
                    new Object[] {"UpdateWorkforceRequest", "{\"WorkforceName\": \"wf\", \"SourceIpConfig\": []}",
                            "Cannot deserialize 'sourceIpConfig': expected a structure (JSON object) but found an array"},
                    new Object[] {"UpdateWorkforceRequest", "{\"WorkforceName\": \"wf\", "
                            + OIDC.formatted(", \"AuthenticationRequestExtraParams\": {\"prompt\": 1}") + "}",
                            "Cannot deserialize 'oidcConfig.authenticationRequestExtraParams.prompt': "
                                    + "expected a string but found a number"},
                    new Object[] {"UpdateWorkforceRequest", "{\"WorkforceName\": \"wf\", "
                            + OIDC.formatted(", \"AuthenticationRequestExtraParams\": []") + "}",
                            "Cannot deserialize 'oidcConfig.authenticationRequestExtraParams': "
                                    + "expected a map (JSON object) but found an array"});
        }

        @ParameterizedTest
        @MethodSource("cases")
        void wrongTypeIsASerializationError(String shape, String body, String message) {
            assertThat(serializationMessage(shape, body)).isEqualTo(message);
        }

        @Test
        void theExceptionCarriesThePath() {
            RequestSerializationException e = catchThrowableOfType(RequestSerializationException.class,
                    () -> RequestValidator.validate("CreateWorkteamRequest", json("{\"MemberDefinitions\": [\"x\"]}")));
            assertThat(e.path()).isEqualTo("memberDefinitions.1.member");
        }

        @Test
        void aTypeErrorWinsOverConstraintViolationsFoundEarlier() {
            // description (empty, too short) is checked before workteamName (a number)
            assertThat(serializationMessage("CreateWorkteamRequest", "{\"Description\": \"\", \"WorkteamName\": 5}"))
                    .isEqualTo("Cannot deserialize 'workteamName': expected a string but found a number");
            // a broken scalar element does not stop the type check of later elements
            assertThat(serializationMessage("DeleteTagsInput", "{\"TagKeys\": [\"\", 2], \"ResourceArn\": \"\"}"))
                    .isEqualTo("Cannot deserialize 'tagKeys.2.member': expected a string but found a number");
        }

        @Test
        void numericTimestampsAreAccepted() {
            assertValid("ListLabelingJobsForWorkteamRequest",
                    "{\"WorkteamArn\": \"arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/t\","
                            + " \"CreationTimeAfter\": 1622151252.451, \"CreationTimeBefore\": 1700000000}");
        }
    }

    // ---- whole valid requests ----------------------------------------------------------------------

    @Nested
    class ValidRequests {

        @Test
        void fullOidcWorkforce() {
            assertValid("CreateWorkforceRequest", "{\"WorkforceName\": \"my-workforce\", "
                    + OIDC.formatted(", \"Scope\": \"openid profile\", \"AuthenticationRequestExtraParams\": "
                    + "{\"prompt\": \"login\"}")
                    + ", \"SourceIpConfig\": {\"Cidrs\": [\"10.0.0.0/8\"]}, \"IpAddressType\": \"dualstack\","
                    + " \"WorkforceVpcConfig\": {\"VpcId\": \"vpc-0123\", \"SecurityGroupIds\": [\"sg-0123\"],"
                    + " \"Subnets\": [\"subnet-0123\"]}, \"Tags\": [{\"Key\": \"team\", \"Value\": \"\"}]}");
        }

        @Test
        void fullCognitoWorkteam() {
            assertValid("CreateWorkteamRequest", """
                    {"WorkteamName": "labelers", "WorkforceName": "default", "Description": "Our labelers.",
                     "MemberDefinitions": [{"CognitoMemberDefinition":
                        {"UserPool": "us-east-1_AbCdEf123", "UserGroup": "labelers", "ClientId": "1example23456789"}}],
                     "NotificationConfiguration": {"NotificationTopicArn": "arn:aws:sns:us-east-1:123456789012:topic"},
                     "WorkerAccessConfiguration": {"S3Presign": {"IamPolicyConstraints":
                        {"SourceIp": "Enabled", "VpcSourceIp": "Disabled"}}},
                     "Tags": [{"Key": "env", "Value": "test"}]}""");
        }

        @Test
        void emptyWorkforceVpcConfigRemovesTheConfig() {
            assertValid("UpdateWorkforceRequest", "{\"WorkforceName\": \"wf\", \"WorkforceVpcConfig\": {}}");
        }
    }

    @Test
    void unknownShapeIsAProgrammingError() {
        assertThatThrownBy(() -> RequestValidator.validate("NoSuchShape", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NoSuchShape");
        assertThatThrownBy(() -> RequestValidator.validate("WorkteamName", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void violationsAreImmutable() {
        RequestValidationException e = catchThrowableOfType(RequestValidationException.class,
                () -> RequestValidator.validate("DescribeWorkteamRequest", Map.of()));
        List<String> violations = e.violations();
        assertThatThrownBy(() -> violations.add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new ArrayList<>(violations)).hasSize(1);
    }
}
