package ir.nix.core.perimeter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code nix_perimeter_rejections_total{status}}: requests refused before they reached a channel. */
public final class PerimeterMetrics {

    private PerimeterMetrics() {
    }

    public static void rejected(MeterRegistry meters, int status) {
        if (meters != null) {
            Counter.builder("nix.perimeter.rejections")
                    .description("requests refused before they reached the inquiry pipeline, by HTTP status")
                    .tag("status", Integer.toString(status)).register(meters).increment();
        }
    }
}
