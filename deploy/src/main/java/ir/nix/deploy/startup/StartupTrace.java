package ir.nix.deploy.startup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;
import org.springframework.core.metrics.StartupStep;

/**
 * Where a start's time goes, for an operator whose node is slow to become ready: with
 * {@code -Dnix.startup.trace=true} Spring records every start-up step (bean instantiations, the context
 * refresh, the runners) and, once the application is ready, the log lists the {@value #SHOWN} steps that
 * took longest <em>themselves</em> (a step's time less the steps nested in it, so a bean that only waits
 * for its dependencies does not hide the dependency that was slow). Off by default: recording costs a
 * little memory and time at start, nothing afterwards.
 */
public final class StartupTrace implements ApplicationListener<ApplicationReadyEvent> {

    public static final String PROPERTY = "nix.startup.trace";
    static final int SHOWN = 25;
    private static final Logger LOG = LoggerFactory.getLogger(StartupTrace.class);

    private final BufferingApplicationStartup startup;

    private StartupTrace(BufferingApplicationStartup startup) {
        this.startup = startup;
    }

    /** Records {@code application}'s start-up steps when {@value #PROPERTY} is {@code true}. */
    public static void installIfRequested(SpringApplication application) {
        if (Boolean.getBoolean(PROPERTY)) {
            BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
            application.setApplicationStartup(startup);
            application.addListeners(new StartupTrace(startup));
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        List<StartupTimeline.TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        LOG.info("start-up: {} steps recorded, the {} that took longest themselves:", events.size(), Math.min(SHOWN, events.size()));
        for (Step step : slowestSelf(events)) {
            LOG.info("start-up step {} ms self, {} ms in all: {}", step.self().toMillis(), step.total().toMillis(), step.name());
        }
    }

    static List<Step> slowestSelf(List<StartupTimeline.TimelineEvent> events) {
        Map<Long, Duration> nested = new HashMap<>();
        for (StartupTimeline.TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                nested.merge(parent, event.getDuration(), Duration::plus);
            }
        }
        List<Step> steps = new ArrayList<>(events.size());
        for (StartupTimeline.TimelineEvent event : events) {
            StartupStep step = event.getStartupStep();
            Duration self = event.getDuration().minus(nested.getOrDefault(step.getId(), Duration.ZERO));
            steps.add(new Step(describe(step), self.isNegative() ? Duration.ZERO : self, event.getDuration()));
        }
        steps.sort(Comparator.comparing(Step::self).reversed());
        return steps.subList(0, Math.min(SHOWN, steps.size()));
    }

    private static String describe(StartupStep step) {
        StringBuilder name = new StringBuilder(step.getName());
        for (StartupStep.Tag tag : step.getTags()) {
            if ("beanName".equals(tag.getKey()) || "beanType".equals(tag.getKey())) {
                name.append(' ').append(tag.getValue());
            }
        }
        return name.toString();
    }

    record Step(String name, Duration self, Duration total) {
    }
}
