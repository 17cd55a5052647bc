package io.github.sagemakerfake.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The SigV4 building blocks the strict server mode verifies with (moved here from the server's tests). */
class SigV4SigningTest {

    @Test
    void derivesTheSigningKeyOfTheAwsDocumentationExample() {
        // "Examples of how to derive a signing key for Signature Version 4" in the AWS General Reference.
        byte[] key = SigV4Signing.signingKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");
        assertThat(HexFormat.of().formatHex(key))
                .isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }

    @Test
    void canonicalUriAndQueryFollowSigV4() {
        assertThat(SigV4Signing.canonicalUri("/")).isEqualTo("/");
        assertThat(SigV4Signing.canonicalUri("")).isEqualTo("/");
        assertThat(SigV4Signing.canonicalUri("/a%20b/c")).isEqualTo("/a%2520b/c");
        assertThat(SigV4Signing.canonicalQuery("b=2&a=1&a=0&c")).isEqualTo("a=0&a=1&b=2&c=");
        assertThat(SigV4Signing.canonicalQuery("k=a%20b~")).isEqualTo("k=a%20b~");
    }
}
