package ir.nix.monitoring.report;

import ir.nix.core.node.NodeProperties;
import ir.nix.monitoring.figures.AgencyNames;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The rollup aggregator (run by {@link RollupSchedule}) and the report engine over it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportProperties.class)
class ReportsConfiguration {

    @Bean
    RollupAggregator rollupAggregator(JdbcTemplate jdbc, PlatformTransactionManager transactions, ReportProperties properties) {
        return new RollupAggregator(jdbc, new TransactionTemplate(transactions), properties, Clock.systemUTC());
    }

    @Bean
    ExchangeReports exchangeReports(JdbcTemplate jdbc, RollupAggregator rollup, AgencyNames names,
                                    NodeProperties node) {
        return new ExchangeReports(jdbc, rollup, names, Clock.systemUTC(), node.node());
    }
}
