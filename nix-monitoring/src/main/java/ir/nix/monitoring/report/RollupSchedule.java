package ir.nix.monitoring.report;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs the rollup aggregator every {@code nix.reports.rollup-every}, starting shortly after start-up.
 * A failed run (store down) is logged in one line and retried at the next; reports stay exact meanwhile,
 * reading the hours not yet rolled up from the records.
 */
@Component
record RollupSchedule(RollupAggregator aggregator, ReportProperties properties) implements SchedulingConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(RollupSchedule.class);
    private static final Duration FIRST_RUN = Duration.ofSeconds(10);

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::run, properties.rollupEvery(), FIRST_RUN));
    }

    private void run() {
        try {
            int hours = aggregator.catchUp();
            if (hours > 0) {
                LOG.debug("traffic rollup: {} hours aggregated", hours);
            }
        } catch (RuntimeException storeTrouble) {
            LOG.warn("traffic rollup postponed: {}", storeTrouble.getClass().getSimpleName());
        }
    }
}
