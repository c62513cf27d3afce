package ir.nix.core.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CmsSignaturesTest {

    private static final BusKey BUS = BusKey.generate("nix-test");
    private static final BusKey OTHER = BusKey.generate("nix-other");
    private static final byte[] CONTENT = "nix-traffic-checkpoint\nnode=nix-test\nseq=42".getBytes(StandardCharsets.UTF_8);

    private static byte[] sign(BusKey key, byte[] content) {
        return CmsSignatures.signDetached(content, key.privateKey(), key.certificate());
    }

    @Test
    void acceptsSignatureOfTheContentByTheTrustedKey() {
        CmsVerification result = CmsSignatures.verifyDetached(CONTENT, sign(BUS, CONTENT), BUS.certificate());

        assertThat(result).isInstanceOf(CmsVerification.Valid.class);
        assertThat(result.isValid()).isTrue();
        assertThat(((CmsVerification.Valid) result).signer()).isEqualTo(BUS.certificate());
    }

    @Test
    void refusesTamperedContent() {
        byte[] signature = sign(BUS, CONTENT);
        byte[] tampered = Arrays.copyOf(CONTENT, CONTENT.length);
        tampered[tampered.length - 1] = '3';

        CmsVerification result = CmsSignatures.verifyDetached(tampered, signature, BUS.certificate());

        assertThat(result).isEqualTo(new CmsVerification.Invalid("the signature does not match the content"));
    }

    @Test
    void refusesSignatureByAnotherKey() {
        CmsVerification result = CmsSignatures.verifyDetached(CONTENT, sign(OTHER, CONTENT), BUS.certificate());

        assertThat(result.isValid()).isFalse();
        assertThat(((CmsVerification.Invalid) result).reason()).startsWith("not signed by the trusted certificate");
    }

    @Test
    void refusesSomethingThatIsNotCms() {
        CmsVerification result = CmsSignatures.verifyDetached(CONTENT, "not a signature".getBytes(StandardCharsets.UTF_8),
                BUS.certificate());

        assertThat(result.isValid()).isFalse();
    }

    @Test
    void refusesFlippedSignatureBytes() {
        byte[] signature = sign(BUS, CONTENT);
        signature[signature.length - 5] ^= 0x01;

        assertThat(CmsSignatures.verifyDetached(CONTENT, signature, BUS.certificate()).isValid()).isFalse();
    }

    @Test
    void choosesTheSignatureAlgorithmFromTheKey() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);

        assertThat(CmsSignatures.signatureAlgorithm(BUS.privateKey())).isEqualTo("SHA256withECDSA");
        assertThat(CmsSignatures.signatureAlgorithm(rsa.generateKeyPair().getPrivate())).isEqualTo("SHA256withRSA");
    }
}
