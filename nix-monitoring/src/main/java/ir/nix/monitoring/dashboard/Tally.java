package ir.nix.monitoring.dashboard;

import ir.nix.monitoring.figures.LatencyHistogram;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Exchanges of one flow in one second (or since start): count and latency histogram, updated lock-free.
 * Not an HdrHistogram {@code Recorder}: one of those takes ~40 KB (two 19,968-byte histograms at 2 digits,
 * measured), this ~400 bytes, and the window holds tens of thousands (see {@link LatencyHistogram}).
 */
final class Tally {

    private final LongAdder count = new LongAdder();
    private final AtomicLongArray buckets = new AtomicLongArray(LatencyHistogram.BUCKETS);
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    void record(long micros) {
        count.increment();
        buckets.incrementAndGet(LatencyHistogram.bucketOf(micros));
        max.accumulate(micros);
    }

    long count() {
        return count.sum();
    }

    LatencyHistogram histogram() {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = buckets.get(i);
        }
        return LatencyHistogram.of(counts, max.get());
    }
}
