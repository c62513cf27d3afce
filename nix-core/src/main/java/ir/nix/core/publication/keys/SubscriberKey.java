package ir.nix.core.publication.keys;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One version of one subscriber's publication key. A token is the lower-case hex of
 * HMAC-SHA256(key, the identifier's UTF-8 bytes): the subscriber computes the same from the key NIX
 * issued to it and the national codes it already holds, and matches.
 */
public final class SubscriberKey {

    private final int version;
    private final byte[] secret;

    SubscriberKey(int version, byte[] secret) {
        this.version = version;
        this.secret = secret.clone();
    }

    public int version() {
        return version;
    }

    public String token(String identifier) {
        return HexFormat.of().formatHex(Hkdf.hmac(secret, identifier.getBytes(StandardCharsets.UTF_8)));
    }

    /** The key as handed to the subscriber, once, at issue or rotation: base64url without padding. */
    String encoded() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    @Override
    public String toString() {
        return "SubscriberKey[version=" + version + "]";
    }
}
