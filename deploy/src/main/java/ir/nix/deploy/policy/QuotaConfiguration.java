package ir.nix.deploy.policy;

import com.zaxxer.hikari.HikariDataSource;
import ir.nix.policy.quota.ClusterQuotaCounters;
import ir.nix.policy.quota.QuotaCounters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The grant quota counters the policy engine uses: in this node's memory, or shared by the cluster in
 * the store's PostgreSQL database ({@code nix.quota.store=postgresql}).
 *
 * <p>The shared counter gets a connection pool of its own with a short connection timeout: a decision
 * may wait for the store only as long as {@code nix.quota.timeout}, and never behind a traffic batch.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuotaProperties.class)
public class QuotaConfiguration {

    @Bean
    public QuotaCounters quotaCounters(QuotaProperties properties, ObjectProvider<DataSourceProperties> dataSource) {
        if (properties.store() == QuotaProperties.Store.MEMORY) {
            return QuotaCounters.LOCAL;
        }
        return ClusterQuotaCounters.inPostgres(quotaPool(properties, dataSource.getObject()),
                properties.clusterSettings());
    }

    private static HikariDataSource quotaPool(QuotaProperties properties, DataSourceProperties store) {
        HikariDataSource pool = store.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("nix-quota");
        pool.setMaximumPoolSize(properties.poolSize());
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(Math.max(250, properties.timeout().toMillis()));
        // A store that stops answering on an open connection must not hold a decision either (seconds).
        pool.addDataSourceProperty("socketTimeout", Math.max(1, properties.timeout().toSeconds() + 1));
        pool.setInitializationFailTimeout(-1);
        return pool;
    }
}
