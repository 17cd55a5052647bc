package io.github.sagemakerfake;

import static io.github.sagemakerfake.Requests.cognitoTeam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.internal.json.Json;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** The awsJson1_1 layer and model validation, seen through the SDK and through raw requests. */
class ProtocolTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    @AfterEach
    void close() {
        fake.close();
    }

    private static SageMakerException validationError(Runnable call) {
        try {
            call.run();
        } catch (SageMakerException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.statusCode()).isEqualTo(400);
            return e;
        }
        throw new AssertionError("expected a ValidationException");
    }

    @Test
    void patternsAreFullStringMatches() {
        SageMakerException e = validationError(() -> sageMaker.createWorkteam(cognitoTeam("my_team")));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'my_team' at "
                + "'workteamName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
        validationError(() -> sageMaker.createWorkteam(cognitoTeam("team-")));
        assertThat(fake.state().workteams()).isEmpty();
    }

    @Test
    void lengthsAndSeveralViolationsAggregateInOneMessage() {
        String longName = "a".repeat(64);
        SageMakerException e = validationError(() -> sageMaker.createWorkteam(r -> r.workteamName(longName)
                .description("").memberDefinitions(Requests.cognitoMember("g"))));
        assertThat(e.awsErrorDetails().errorMessage())
                // like the service's own modelName example (docs/fidelity.md, "Validation"): length and pattern both fail
                .startsWith("4 validation errors detected: ")
                .contains("Value '' at 'description' failed to satisfy constraint: Member must have length greater "
                        + "than or equal to 1")
                .contains("Value '" + longName + "' at 'workteamName' failed to satisfy constraint: Member must have "
                        + "length less than or equal to 63")
                .contains("; ");
    }

    @Test
    void requiredMembersAtEveryDepth() {
        SageMakerException e = validationError(() -> sageMaker.createWorkteam(r -> r.workteamName("t").description("d")
                .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c.userPool(Requests.POOL).userGroup("g")))));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value null at "
                + "'memberDefinitions.1.member.cognitoMemberDefinition.clientId' failed to satisfy constraint: "
                + "Member must not be null");
    }

    @Test
    void enumsRangesAndListSizes() {
        assertThat(validationError(() -> sageMaker.listWorkteams(r -> r.sortBy("Size"))).awsErrorDetails().errorMessage())
                .contains("Member must satisfy enum value set: [");
        assertThat(validationError(() -> sageMaker.listWorkteams(r -> r.maxResults(101))).awsErrorDetails()
                .errorMessage()).contains("at 'maxResults' failed to satisfy constraint: Member must have value less "
                        + "than or equal to 100");
        assertThat(validationError(() -> sageMaker.listTags(r -> r.resourceArn(
                "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/t").maxResults(10)))
                .awsErrorDetails().errorMessage()).contains("Member must have value greater than or equal to 50");
        assertThat(validationError(() -> sageMaker.createWorkteam(r -> r.workteamName("t").description("d")
                .memberDefinitions(java.util.List.of()))).awsErrorDetails().errorMessage())
                .contains("at 'memberDefinitions' failed to satisfy constraint: Member must have length greater than "
                        + "or equal to 1");
    }

    @Test
    void theRealEmptyArnText() {
        assertThat(validationError(() -> sageMaker.listTags(r -> r.resourceArn(""))).awsErrorDetails().errorMessage())
                .isEqualTo("1 validation error detected: Value '' at 'resourceArn' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:"
                        + "[0-9]{12}:.+");
    }

    @Test
    void theClientSecretIsNotEchoedInValidationErrors() {
        SageMakerException e = validationError(() -> sageMaker.createWorkforce(r -> r.workforceName("wf")
                .oidcConfig(Requests.oidcConfig().toBuilder().clientSecret("bad\u0001secret").build())));
        assertThat(e.getMessage()).contains("at 'oidcConfig.clientSecret'").doesNotContain("bad\u0001secret");
    }

    // ------------------------------------------------------------------ raw requests

    private Raw raw(String target, String contentType, String body) throws Exception {
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("https://api.sagemaker.us-east-1.amazonaws.com/"));
        if (target != null) {
            request.putHeader("X-Amz-Target", target);
        }
        if (contentType != null) {
            request.putHeader("Content-Type", contentType);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpExecuteResponse response = fake.httpClient().prepareRequest(HttpExecuteRequest.builder()
                .request(request.build()).contentStreamProvider(() -> new ByteArrayInputStream(bytes)).build()).call();
        String text = new String(response.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8);
        return new Raw(response.httpResponse().statusCode(), response.httpResponse().firstMatchingHeader(
                "x-amzn-RequestId").orElse(null), text);
    }

    private record Raw(int status, String requestId, String body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) Json.parse(body);
        }
    }

    @Test
    void malformedJsonIsASerializationException() throws Exception {
        Raw r = raw("SageMaker.ListWorkteams", "application/x-amz-json-1.1", "{\"MaxResults\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json()).containsEntry("__type", "SerializationException");
        assertThat(r.requestId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(raw("SageMaker.ListWorkteams", "application/x-amz-json-1.1", "[1]").json())
                .containsEntry("__type", "SerializationException");
        assertThat(raw("SageMaker.ListWorkteams", "application/x-amz-json-1.1", "{\"MaxResults\": \"ten\"}").json())
                .containsEntry("__type", "SerializationException");
    }

    @Test
    void anOperationOutsideTheSixteenIsNamedInTheError() throws Exception {
        Raw r = raw("SageMaker.CreateTrainingJob", "application/x-amz-json-1.1", "{}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json()).containsEntry("__type", "UnknownOperationException");
        assertThat((String) r.json().get("message")).contains("CreateTrainingJob").contains("CreateWorkteam");
        assertThat(fake.journal()).last().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("CreateTrainingJob");
            assertThat(e.errorCode()).isEqualTo("UnknownOperationException");
        });
    }

    @Test
    void missingTargetAndWrongContentType() throws Exception {
        assertThat(raw(null, "application/x-amz-json-1.1", "{}").json())
                .containsEntry("__type", "UnknownOperationException");
        assertThat(raw("SageMaker.ListWorkteams", "text/plain", "{}").json())
                .containsEntry("__type", "SerializationException");
        assertThat(raw("Other.ListWorkteams", "application/x-amz-json-1.1", "{}").json())
                .containsEntry("__type", "UnknownOperationException");
    }

    @Test
    void anEmptyBodyMeansNoMembers() throws Exception {
        Raw r = raw("SageMaker.ListWorkteams", "application/x-amz-json-1.1", "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).containsEntry("Workteams", java.util.List.of());
    }

    @Test
    void aHugeMaxResultsWhereTheModelSetsNoMaximumIsServedNotAnError() throws Exception {
        String arn = sageMaker.createWorkteam(cognitoTeam("t").toBuilder()
                .tags(software.amazon.awssdk.services.sagemaker.model.Tag.builder().key("k").value("v").build())
                .build()).workteamArn();
        Raw r = raw("SageMaker.ListTags", "application/x-amz-json-1.1",
                "{\"ResourceArn\":\"" + arn + "\",\"MaxResults\":2147483648}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).containsKey("Tags").doesNotContainKey("NextToken");
        assertThat(sageMaker.listTags(q -> q.resourceArn(arn).maxResults(Integer.MAX_VALUE)).tags()).hasSize(1);
    }

    @Test
    void timestampsAreEpochSecondsWithMilliseconds() throws Exception {
        sageMaker.createWorkteam(cognitoTeam("t"));
        String body = raw("SageMaker.DescribeWorkteam", "application/x-amz-json-1.1", "{\"WorkteamName\":\"t\"}").body();
        assertThat(body).containsPattern("\"CreateDate\":\\d{10}\\.\\d{3}[,}]");
    }

    @Test
    void accountComesFromATwelveDigitAccessKeyAndRegionFromTheScope() {
        fake.client("111122223333", "ap-southeast-2").createWorkteam(cognitoTeam("t"));
        assertThat(fake.state("111122223333", "ap-southeast-2").workteam("t").orElseThrow().arn())
                .isEqualTo("arn:aws:sagemaker:ap-southeast-2:111122223333:workteam/private-crowd/t");
        assertThat(fake.state().workteams()).isEmpty();
        assertThat(fake.journal()).last().satisfies(e -> {
            assertThat(e.account()).isEqualTo("111122223333");
            assertThat(e.region()).isEqualTo("ap-southeast-2");
        });
    }

    @Test
    void chinaRegionsUseTheirPartition() {
        assertThat(fake.client("123456789012", "cn-north-1").createWorkteam(cognitoTeam("t")).workteamArn())
                .startsWith("arn:aws-cn:sagemaker:cn-north-1:123456789012:");
    }
}
