package ir.nix.core.publication.keys;

import ir.nix.core.agency.AgencyCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Subscribers' publication keys: issued and rotated by NIX, never stored. Key version {@code v} of agency
 * {@code A} is HKDF-SHA256(master key, salt {@value #SALT}, info {@code "subscriber-key:" A ":" v}), 32
 * bytes; the key registry records only which versions were issued and when. So the one secret to protect
 * is the master key (a secret store, {@code NIX_PUBLICATION_MASTER_KEY}); the registry reveals nothing,
 * and any node holding the master key derives the same keys without sharing key material.
 *
 * <p>After a rotation the previous version stays in use beside the new one for {@code overlap}, so that a
 * subscriber installs its new key without missing a match (docs/publications.md).
 */
public final class PublicationKeys {

    static final String SALT = "NIX publication keys v1";
    private static final int KEY_BYTES = 32;
    private static final int MIN_MASTER_KEY_BYTES = 32;

    private final Optional<byte[]> masterKey;
    private final KeyRegistry registry;
    private final Duration overlap;

    /**
     * @param masterKey base64 of at least 32 random bytes; empty when publications carry no tokens here
     * @param registry  the key registry file
     * @param overlap   how long the previous version is used beside a new one
     */
    public PublicationKeys(Optional<String> masterKey, Path registry, Duration overlap) {
        this.masterKey = masterKey.filter(text -> !text.isBlank()).map(PublicationKeys::decodeMasterKey);
        this.registry = new KeyRegistry(registry);
        this.overlap = overlap;
        this.registry.read();
    }

    private static byte[] decodeMasterKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("the publication master key must be base64");
        }
        if (key.length < MIN_MASTER_KEY_BYTES) {
            throw new IllegalStateException("the publication master key must be at least " + MIN_MASTER_KEY_BYTES + " bytes");
        }
        return key;
    }

    public Path registry() {
        return registry.file();
    }

    public Duration overlap() {
        return overlap;
    }

    /** Every issued version of every subscriber, in issue order. */
    public List<KeyVersion> versions() {
        return registry.read();
    }

    /** The first key of a subscriber; refused when it already has one (rotate instead). */
    public synchronized KeyOutcome issue(AgencyCode agency, Instant now) {
        if (masterKey.isEmpty()) {
            return noMasterKey();
        }
        if (latest(registry.read(), agency).isPresent()) {
            return new KeyOutcome.Refused(agency.value() + " already has a publication key; rotate it instead");
        }
        return record(agency, 1, now, Optional.empty());
    }

    /** A new key version for a subscriber that has one; the previous version stays in use for the overlap. */
    public synchronized KeyOutcome rotate(AgencyCode agency, Instant now) {
        if (masterKey.isEmpty()) {
            return noMasterKey();
        }
        Optional<KeyVersion> latest = latest(registry.read(), agency);
        if (latest.isEmpty()) {
            return new KeyOutcome.Refused(agency.value() + " has no publication key yet; issue one first");
        }
        return record(agency, latest.get().version() + 1, now, Optional.of(now.plus(overlap)));
    }

    /** The keys deliveries to {@code agency} at {@code at} are tokenised with; empty when it has none. */
    public Optional<ActiveKeys> keysFor(AgencyCode agency, Instant at) {
        if (masterKey.isEmpty()) {
            return Optional.empty();
        }
        List<KeyVersion> issued = registry.read().stream()
                .filter(v -> v.agency().equals(agency) && !v.issuedAt().isAfter(at))
                .sorted(Comparator.comparingInt(KeyVersion::version).reversed())
                .toList();
        if (issued.isEmpty()) {
            return Optional.empty();
        }
        KeyVersion current = issued.get(0);
        Optional<SubscriberKey> previous = issued.size() > 1 && at.isBefore(current.issuedAt().plus(overlap))
                ? Optional.of(derive(agency, issued.get(1).version()))
                : Optional.empty();
        return Optional.of(new ActiveKeys(derive(agency, current.version()), previous));
    }

    private KeyOutcome record(AgencyCode agency, int version, Instant now, Optional<Instant> previousUntil) {
        List<KeyVersion> versions = new ArrayList<>(registry.read());
        versions.add(new KeyVersion(agency, version, now));
        registry.write(versions);
        return new KeyOutcome.Issued(agency, version, now, derive(agency, version).encoded(), previousUntil);
    }

    private SubscriberKey derive(AgencyCode agency, int version) {
        byte[] info = ("subscriber-key:" + agency.value() + ":" + version).getBytes(StandardCharsets.UTF_8);
        return new SubscriberKey(version, Hkdf.derive(masterKey.orElseThrow(), SALT.getBytes(StandardCharsets.UTF_8),
                info, KEY_BYTES));
    }

    private static Optional<KeyVersion> latest(List<KeyVersion> versions, AgencyCode agency) {
        return versions.stream().filter(v -> v.agency().equals(agency)).max(Comparator.comparingInt(KeyVersion::version));
    }

    private static KeyOutcome noMasterKey() {
        return new KeyOutcome.Refused("no publication master key is configured (nix.publication.master-key)");
    }
}
