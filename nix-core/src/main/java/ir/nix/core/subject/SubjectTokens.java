package ir.nix.core.subject;

import ir.nix.core.identifier.LegalEntityId;
import ir.nix.core.identifier.NationalCode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Keyed, rotating tokens of data subjects (architecture section 4): so that an authorised officer
 * holding the key can answer "which agencies asked about this person, when, under which grant"
 * while the database alone reveals nothing.
 *
 * <p>A token is {@code <yyyy-MM>.<first 128 bits of HMAC-SHA256(month key, kind ":" identifier)>}. Keys
 * rotate by UTC month; without the month's key a token can neither be linked to a person nor to the
 * same person's tokens of other months. Only national codes and legal-entity IDs are tokenised.
 */
@Component
@EnableConfigurationProperties(SubjectTokenProperties.class)
public class SubjectTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;
    private static final int TOKEN_BYTES = 16;

    private final boolean enabled;
    private final Map<YearMonth, SecretKeySpec> keys;

    public SubjectTokens(SubjectTokenProperties properties) {
        this.enabled = properties.enabled();
        this.keys = properties.keys().entrySet().stream().collect(Collectors.toMap(
                entry -> YearMonth.parse(entry.getKey()), entry -> key(entry.getKey(), entry.getValue()),
                (a, b) -> a, TreeMap::new));
        if (enabled && keys.isEmpty()) {
            throw new IllegalStateException("nix.subject-token.enabled is true but no nix.subject-token.keys are configured");
        }
    }

    private static SecretKeySpec key(String month, String base64) {
        byte[] secret = Base64.getDecoder().decode(base64);
        if (secret.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("subject-token key for " + month + " must be at least " + MIN_KEY_BYTES + " bytes");
        }
        return new SecretKeySpec(secret, ALGORITHM);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The token for a subject identifier seen at {@code at}; empty when off, not a subject, or no key for the month. */
    public Optional<String> token(Object subject, Instant at) {
        if (!enabled) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.from(at.atOffset(ZoneOffset.UTC));
        return subjectText(subject).flatMap(text -> Optional.ofNullable(keys.get(month)).map(key -> token(month, key, text)));
    }

    /** Every token the subject has under the keys still held: what an officer's lookup searches for. */
    public List<String> tokensOf(Object subject) {
        return subjectText(subject)
                .map(text -> keys.entrySet().stream().map(entry -> token(entry.getKey(), entry.getValue(), text)).toList())
                .orElse(List.of());
    }

    private static Optional<String> subjectText(Object subject) {
        if (subject instanceof NationalCode code) {
            return Optional.of("NC:" + code.value());
        }
        if (subject instanceof LegalEntityId id) {
            return Optional.of("LE:" + id.value());
        }
        return Optional.empty();
    }

    private static String token(YearMonth month, SecretKeySpec key, String subject) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
            return month + "." + HexFormat.of().formatHex(digest, 0, TOKEN_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", impossible);
        }
    }
}
