package ir.nix.deploy.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.core.metrics.StartupStep;

class StartupTraceTest {

    @Test
    void ranksStepsByTheirOwnTimeLessTheStepsNestedInThem() throws InterruptedException {
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100);
        StartupStep outer = startup.start("spring.beans.instantiate").tag("beanName", "serviceCatalog");
        StartupStep inner = startup.start("spring.beans.instantiate").tag("beanName", "identityAdapter");
        Thread.sleep(300);
        inner.end();
        outer.end(); // the outer step's own time is only what end() costs: far below the inner step's 300 ms on any machine

        List<StartupTrace.Step> steps = StartupTrace.slowestSelf(startup.getBufferedTimeline().getEvents());

        assertThat(steps).extracting(StartupTrace.Step::name)
                .containsExactly("spring.beans.instantiate identityAdapter", "spring.beans.instantiate serviceCatalog");
        StartupTrace.Step catalog = steps.get(1);
        assertThat(catalog.total()).isGreaterThan(steps.get(0).total());
        assertThat(catalog.self()).isLessThan(steps.get(0).self());
        assertThat(catalog.self().plus(steps.get(0).total())).isEqualTo(catalog.total());
    }
}
