package ir.nix.monitoring.figures;

import java.util.Arrays;
import java.util.List;

/**
 * A latency histogram over fixed buckets, the same buckets in the live dashboard window and in the
 * {@code traffic_rollup} table ({@code lat_00} … {@code lat_24}), so that histograms from any number
 * of hours, nodes or groups add up bucket by bucket and percentiles come from the sum.
 *
 * <p>Bucket {@code i} counts latencies in {@code (UPPER[i-1], UPPER[i]]} microseconds; the last one is
 * open-ended. A percentile is interpolated linearly inside the bucket that holds its rank, so its error
 * is at most that bucket's width (about a third of the value in the 1 ms - 30 s range); the open bucket
 * is interpolated up to the largest latency seen. Changing the bounds changes the rollup schema.
 *
 * <p>Why not HdrHistogram: measured with HdrHistogram 2.2.2, a {@code Histogram(1 µs, 30 s, 2 digits)} takes
 * 19,968 bytes ({@code getEstimatedFootprintInBytes}) and a {@code Recorder} holds two of them; these 25
 * buckets take 200 bytes. The live window keeps one histogram per flow per second (300 seconds × ~280 flows
 * of 5 services, 14 consumers and their outcomes ≈ 84,000), which is ~17 MB here and ~3.3 GB as Recorders.
 * And the rollup must add histograms up in SQL ({@code SUM(lat_07)}), which fixed buckets allow and an
 * HdrHistogram's compressed form does not; percentiles within a third of the value are enough for operators.
 */
public final class LatencyHistogram {

    /** Inclusive upper bounds in microseconds; one more bucket follows for anything above the last. */
    static final long[] UPPER_MICROS = {
        1_000, 2_000, 3_000, 5_000, 7_500, 10_000, 15_000, 20_000, 30_000, 50_000, 75_000, 100_000, 150_000,
        200_000, 300_000, 500_000, 750_000, 1_000_000, 1_500_000, 2_000_000, 3_000_000, 5_000_000, 10_000_000,
        30_000_000};

    public static final int BUCKETS = UPPER_MICROS.length + 1;

    private final long[] counts;
    private long maxMicros;

    public LatencyHistogram() {
        this(new long[BUCKETS], 0);
    }

    private LatencyHistogram(long[] counts, long maxMicros) {
        this.counts = counts;
        this.maxMicros = maxMicros;
    }

    /** @param counts per-bucket counts, {@link #BUCKETS} of them (as read from a rollup row) */
    public static LatencyHistogram of(long[] counts, long maxMicros) {
        if (counts.length != BUCKETS) {
            throw new IllegalArgumentException("expected " + BUCKETS + " bucket counts, got " + counts.length);
        }
        return new LatencyHistogram(counts.clone(), maxMicros);
    }

    public static int bucketOf(long micros) {
        int found = Arrays.binarySearch(UPPER_MICROS, micros);
        return found >= 0 ? found : -found - 1;
    }

    /** The SQL condition that puts a latency column into bucket {@code i} (for the rollup aggregation). */
    public static String sqlCondition(String column, int bucket) {
        if (bucket == 0) {
            return column + " <= " + UPPER_MICROS[0];
        }
        if (bucket == BUCKETS - 1) {
            return column + " > " + UPPER_MICROS[BUCKETS - 2];
        }
        return column + " > " + UPPER_MICROS[bucket - 1] + " AND " + column + " <= " + UPPER_MICROS[bucket];
    }

    /** Rollup column of bucket {@code i}: {@code lat_00} … {@code lat_24}. */
    public static String column(int bucket) {
        return String.format("lat_%02d", bucket);
    }

    public static List<String> columns() {
        return java.util.stream.IntStream.range(0, BUCKETS).mapToObj(LatencyHistogram::column).toList();
    }

    public void record(long micros) {
        counts[bucketOf(micros)]++;
        maxMicros = Math.max(maxMicros, micros);
    }

    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        maxMicros = Math.max(maxMicros, other.maxMicros);
    }

    public long count() {
        return Arrays.stream(counts).sum();
    }

    /**
     * @param quantile in (0, 1], e.g. 0.99
     * @return the estimated latency in milliseconds, or null when the histogram is empty
     */
    public Double percentileMillis(double quantile) {
        if (quantile <= 0 || quantile > 1) {
            throw new IllegalArgumentException("quantile must be in (0, 1]");
        }
        long total = count();
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(quantile * total);
        long below = 0;
        int bucket = 0;
        while (below + counts[bucket] < rank) {
            below += counts[bucket++];
        }
        double lower = bucket == 0 ? 0 : UPPER_MICROS[bucket - 1];
        double upper = bucket == BUCKETS - 1 ? Math.max(maxMicros, lower) : Math.min(UPPER_MICROS[bucket], Math.max(maxMicros, lower));
        double micros = lower + (upper - lower) * (rank - below) / counts[bucket];
        return Math.round(micros) / 1000.0;
    }
}
