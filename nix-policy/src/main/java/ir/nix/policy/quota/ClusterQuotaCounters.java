package ir.nix.policy.quota;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import ir.nix.policy.bundle.Grant;
import ir.nix.policy.bundle.Quota;
import ir.nix.policy.calendar.Tehran;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * Quota counters shared by every node of a cluster: one Bucket4j bucket per grant in the PostgreSQL
 * store's {@code quota_bucket} table (rows locked with {@code SELECT ... FOR UPDATE}), so that N nodes
 * together let through no more than the grant allows.
 *
 * <p>The hot path stays in memory: a node takes a small lease of permits from the shared bucket in one
 * round trip ({@link LeasedQuota}) and decides locally until it is used up. A rate limit is a greedy
 * token bucket of one second's capacity (bursts of up to one second's worth, like {@link GrantQuota});
 * a daily limit refills whole at Tehran midnight (Iran keeps no daylight saving time since 2022, so a
 * day is 24 hours).
 *
 * <p>A bucket's key is the grant id with its limits, so changing a grant's quota in the bundle starts a
 * fresh count, as the in-memory counter does; a reload that keeps them keeps the count.
 */
public final class ClusterQuotaCounters implements QuotaCounters {

    /** The Bucket4j table; Flyway creates it with the traffic store (db/migration/postgresql). */
    public static final String TABLE = "quota_bucket";

    private final ProxyManager<String> buckets;
    private final ClusterQuotaSettings settings;
    private final LongSupplier nanoClock;

    ClusterQuotaCounters(ProxyManager<String> buckets, ClusterQuotaSettings settings, LongSupplier nanoClock) {
        this.buckets = buckets;
        this.settings = settings;
        this.nanoClock = nanoClock;
    }

    /** Counters in {@code store}, a PostgreSQL database holding the {@value #TABLE} table. */
    public static ClusterQuotaCounters inPostgres(DataSource store, ClusterQuotaSettings settings) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(settings, "settings");
        ProxyManager<String> buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(store)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .build();
        return new ClusterQuotaCounters(buckets, settings, System::nanoTime);
    }

    @Override
    public Optional<QuotaCounter> counterFor(Grant grant) {
        Quota quota = grant.quota();
        if (quota.isUnlimited()) {
            return Optional.empty();
        }
        BucketConfiguration configuration = configuration(quota, Instant.now());
        return Optional.of(new LeasedQuota(quota,
                buckets.builder().build(key(grant.id(), quota), () -> configuration),
                leaseSize(quota), settings.leaseTtl().toNanos(), settings.retryUnreachableAfter().toNanos(),
                fallback(grant), nanoClock));
    }

    /** The node-local counter the grant falls back to while the store is unreachable, when it fails open. */
    private Optional<GrantQuota> fallback(Grant grant) {
        return settings.whenUnreachable(grant.id()) == WhenUnreachable.OPEN
                ? GrantQuota.of(grant.quota(), Tehran.ZONE)
                : Optional.empty();
    }

    long leaseSize(Quota quota) {
        double basis = quota.perSecond().isPresent() ? quota.perSecond().getAsInt() : quota.perDay().getAsLong() / 1000.0;
        return Math.max(1, (long) Math.floor(basis * settings.leaseFraction()));
    }

    static String key(String grantId, Quota quota) {
        return grantId + "/" + (quota.perSecond().isPresent() ? quota.perSecond().getAsInt() + "ps" : "-")
                + "/" + (quota.perDay().isPresent() ? quota.perDay().getAsLong() + "pd" : "-");
    }

    static BucketConfiguration configuration(Quota quota, Instant now) {
        ConfigurationBuilder builder = BucketConfiguration.builder();
        quota.perSecond().ifPresent(perSecond -> builder.addLimit(Bandwidth.builder()
                .capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).id(LeasedQuota.RATE).build()));
        quota.perDay().ifPresent(perDay -> builder.addLimit(Bandwidth.builder()
                .capacity(perDay).refillIntervallyAligned(perDay, Duration.ofDays(1), nextTehranMidnight(now))
                .id(LeasedQuota.DAILY).build()));
        return builder.build();
    }

    static Instant nextTehranMidnight(Instant now) {
        return LocalDate.ofInstant(now, Tehran.ZONE).plusDays(1).atStartOfDay(Tehran.ZONE).toInstant();
    }
}
