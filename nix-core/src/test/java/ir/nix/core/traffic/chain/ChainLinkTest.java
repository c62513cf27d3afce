package ir.nix.core.traffic.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChainLinkTest {

    @Test
    void startsEveryNodeFromTheGenesisHash() {
        assertThat(ChainLink.genesis("nix-1")).isEqualTo(new ChainLink("nix-1", 0, "0".repeat(64)));
    }

    @Test
    void hashesThePreviousHashTextFollowedByTheCanonicalForm() throws Exception {
        ChainLink first = ChainLink.genesis("nix-1").next(CanonicalFormTest.PERMITTED);

        byte[] canonical = CanonicalForm.of("nix-1", 1, CanonicalFormTest.PERMITTED);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((ChainLink.GENESIS_HASH + new String(canonical, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        assertThat(first).isEqualTo(new ChainLink("nix-1", 1, expected));
    }

    @Test
    void makesEachHashDependOnAllBeforeIt() {
        ChainLink second = ChainLink.genesis("nix-1").next(CanonicalFormTest.PERMITTED).next(CanonicalFormTest.PERMITTED);
        ChainLink otherStart = new ChainLink("nix-1", 1, "f".repeat(64)).next(CanonicalFormTest.PERMITTED);

        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.hash()).matches("[0-9a-f]{64}").isNotEqualTo(otherStart.hash());
    }
}
