package ir.nix.monitoring.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyHistogramTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "1000, 0", "1001, 1", "2000, 1", "7500, 4", "30000000, 23", "30000001, 24", "999999999, 24"})
    void putsLatencyInTheBucketWhoseUpperBoundHoldsIt(long micros, int bucket) {
        assertThat(LatencyHistogram.bucketOf(micros)).isEqualTo(bucket);
    }

    @Test
    void hasNoPercentilesWhenEmpty() {
        assertThat(new LatencyHistogram().percentileMillis(0.5)).isNull();
    }

    @Test
    void interpolatesPercentilesInsideTheBucketHoldingTheRank() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 1; i <= 100; i++) {
            histogram.record(10_000 + i * 100);  // 10.1 ms … 20 ms: buckets (10, 15] and (15, 20]
        }

        assertThat(histogram.percentileMillis(0.50)).isCloseTo(15.0, within(0.01));
        assertThat(histogram.percentileMillis(0.95)).isCloseTo(19.5, within(0.01));
        assertThat(histogram.percentileMillis(0.99)).isCloseTo(19.9, within(0.01));
    }

    @Test
    void neverEstimatesAboveTheLargestLatencySeen() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 10; i++) {
            histogram.record(1_200);
        }

        assertThat(histogram.percentileMillis(0.99)).isEqualTo(1.2);
    }

    @Test
    void interpolatesTheOpenBucketUpToTheMaximum() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(40_000_000);
        histogram.record(50_000_000);

        assertThat(histogram.percentileMillis(1.0)).isEqualTo(50_000.0);
    }

    @Test
    void addsHistogramsBucketByBucket() {
        LatencyHistogram fast = new LatencyHistogram();
        LatencyHistogram slow = new LatencyHistogram();
        for (int i = 0; i < 98; i++) {
            fast.record(800);
        }
        slow.record(900_000);
        slow.record(950_000);

        fast.add(slow);

        assertThat(fast.count()).isEqualTo(100);
        assertThat(fast.percentileMillis(0.5)).isLessThanOrEqualTo(1.0);
        assertThat(fast.percentileMillis(0.99)).isGreaterThan(750.0).isLessThanOrEqualTo(950.0);
    }

    @Test
    void readsRollupBucketsBack() {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        counts[LatencyHistogram.bucketOf(4_000)] = 3;

        LatencyHistogram histogram = LatencyHistogram.of(counts, 4_000);

        assertThat(histogram.count()).isEqualTo(3);
        assertThat(histogram.percentileMillis(0.5)).isBetween(3.0, 4.0);
    }
}
