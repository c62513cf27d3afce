package ir.nix.policy.bundle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The content hash of a bundle: SHA-256 over the {@code sha256sum} manifest of its files, in the
 * loader's fixed file order. An operator reproduces it from the bundle directory with
 * <pre>sha256sum bundle.yaml agencies.yaml resolutions.yaml services.yaml grants.yaml demo-grants.yaml | sha256sum</pre>
 * leaving out files the bundle does not have (and {@code demo-grants.yaml} when demo grants are not
 * included). Hashing each file separately keeps the hash unambiguous: bytes moved from one file to
 * the next change it.
 */
final class BundleHash {

    private BundleHash() {
    }

    /** @param files file name to content, in hashing order */
    static String of(Map<String, byte[]> files) {
        StringBuilder manifest = new StringBuilder();
        files.forEach((name, content) -> manifest.append(hex(content)).append("  ").append(name).append('\n'));
        return hex(manifest.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
