package io.github.sagemakerfake.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.internal.error.ServiceError;
import org.junit.jupiter.api.Test;

/** The one parse of the Authorization header: what it reads, and every form it refuses. */
class SigV4AuthorizationTest {

    private static final String SIGNATURE = "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void readsTheScopeTheSignedHeadersAndTheSignature() {
        SigV4Authorization a = SigV4Authorization.parse("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261207/eu-west-2/"
                + "sagemaker/aws4_request,  SignedHeaders=Content-Type;host;x-amz-date , Signature=" + SIGNATURE);

        assertThat(a.accessKeyId()).isEqualTo("AKIDEXAMPLE");
        assertThat(a.date()).isEqualTo("20261207");
        assertThat(a.region()).isEqualTo("eu-west-2");
        assertThat(a.service()).isEqualTo("sagemaker");
        assertThat(a.signedHeaders()).containsExactly("content-type", "host", "x-amz-date");
        assertThat(a.signature()).isEqualTo(SIGNATURE.toLowerCase(java.util.Locale.ROOT));
        assertThat(a.scope()).isEqualTo("20261207/eu-west-2/sagemaker/aws4_request");
    }

    @Test
    void refusesEveryFormThatIsNotExactlyTheThreeParameters() {
        String scope = "Credential=AKID/20261207/us-east-1/sagemaker/aws4_request";
        String rest = ", SignedHeaders=host, Signature=abc";
        assertThat(refusal("AWS4-HMAC-SHA256 X=" + scope + rest)).contains("parameter 'X'");
        assertThat(refusal("AWS4-HMAC-SHA256 " + scope + rest + ",")).contains("parameter ''");
        assertThat(refusal("AWS4-HMAC-SHA256 " + scope + rest + ", Signature=def")).contains("'Signature' twice");
        assertThat(refusal("AWS4-HMAC-SHA256 " + scope + ", Signature=abc"))
                .contains("requires 'SignedHeaders' parameter");
        assertThat(refusal("AWS4-HMAC-SHA256 Credential, SignedHeaders=host, Signature=abc"))
                .contains("requires 'Credential' parameter");
        assertThat(refusal("AWS4-HMAC-SHA256 Credential=AKID/20261207/us-east-1/aws4_request" + rest))
                .contains("exactly 5 slash-delimited elements");
        assertThat(refusal("AWS4-HMAC-SHA256 Credential=AKID/20261207/us-east-1/sagemaker/aws4_request/x" + rest))
                .contains("exactly 5 slash-delimited elements");
        assertThat(refusal("AWS4-HMAC-SHA256 Credential=/20261207/us-east-1/sagemaker/aws4_request" + rest))
                .contains("exactly 5 slash-delimited elements");
        assertThat(refusal("AWS4-HMAC-SHA256 Credential=AKID/20261207/us-east-1/sagemaker/aws5_request" + rest))
                .contains("exactly 5 slash-delimited elements");
        assertThat(refusal("AWS4-HMAC-SHA256")).contains("Unsupported Authorization algorithm");
        assertThatThrownBy(() -> SigV4Authorization.parse("AWS4-HMAC-SHA256 Credential=AKID/20261207/nowhere/sagemaker/"
                + "aws4_request" + rest)).isInstanceOfSatisfying(ServiceError.class,
                        e -> assertThat(e.code()).isEqualTo(SigV4Authorization.INVALID_SIGNATURE));
    }

    private static String refusal(String header) {
        try {
            SigV4Authorization.parse(header);
        } catch (ServiceError e) {
            assertThat(e.code()).isEqualTo(SigV4Authorization.INCOMPLETE);
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + header);
    }
}
