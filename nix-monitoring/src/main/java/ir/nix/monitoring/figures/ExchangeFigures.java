package ir.nix.monitoring.figures;

import ir.nix.core.exchange.OutcomeClass;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts, rates and latency percentiles of a set of exchanges, as the dashboard and the reports show
 * them. Rates are fractions of {@code exchanges} (null when there were none); percentiles are
 * milliseconds of time in the bus, estimated from a {@link LatencyHistogram}.
 *
 * @param outcomes exchanges by outcome code; the denials by reason are its {@link OutcomeClass#DENIED} codes
 */
public record ExchangeFigures(long exchanges, long answered, long denied, long rejected, long failed, Double successRate,
                              Double denialRate, Double errorRate, Double p50Ms, Double p95Ms, Double p99Ms,
                              Map<String, Long> outcomes) {

    /** Accumulates flows into figures. */
    public static final class Builder {
        private final long[] byClass = new long[OutcomeClass.values().length];
        private final Map<String, Long> outcomes = new TreeMap<>();
        private final LatencyHistogram latency = new LatencyHistogram();

        public Builder add(String outcome, long count, LatencyHistogram histogram) {
            byClass[OutcomeClass.of(outcome).ordinal()] += count;
            outcomes.merge(outcome, count, Long::sum);
            latency.add(histogram);
            return this;
        }

        public long exchanges() {
            long total = 0;
            for (long count : byClass) {
                total += count;
            }
            return total;
        }

        public long count(OutcomeClass outcomeClass) {
            return byClass[outcomeClass.ordinal()];
        }

        public ExchangeFigures build() {
            long total = exchanges();
            return new ExchangeFigures(total, count(OutcomeClass.ANSWERED), count(OutcomeClass.DENIED), count(OutcomeClass.REJECTED),
                    count(OutcomeClass.FAILED), rate(OutcomeClass.ANSWERED, total), rate(OutcomeClass.DENIED, total),
                    rate(OutcomeClass.FAILED, total), latency.percentileMillis(0.50), latency.percentileMillis(0.95),
                    latency.percentileMillis(0.99), Map.copyOf(outcomes));
        }

        private Double rate(OutcomeClass outcomeClass, long total) {
            return total == 0 ? null : (double) count(outcomeClass) / total;
        }
    }
}
