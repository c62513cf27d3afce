package ir.nix.deploy.broker;

import ir.nix.core.traffic.TrafficProperties;
import java.time.Duration;
import java.util.Arrays;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnectorFactory;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.SingleConnectionFactory;

/**
 * Settings of the embedded Artemis broker (default and demo). The traffic queue never gives a record
 * up: no redelivery limit (a record is retried until the store takes it) and no expiry.
 *
 * <p>Every traffic record is a durable send the reply waits for, so the journal's flush interval is
 * on the request path. Artemis's NIO default (3.3 ms) suits disks whose sync costs that much; the
 * journal still syncs every flush, just sooner ({@code nix.broker.journal-buffer-timeout}). 100 µs since
 * 2026-12-04: on a disk that syncs in 0.21 ms it took the durable enqueue from about 31,000 to 37,000 records/s
 * and an inquiry from about 290 to 255 µs of CPU; on one that syncs in 0.49 ms it cost nothing
 * (docs/performance.md). Records that arrive during a sync still share the next flush.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedBrokerConfiguration {

    /** How long a failed in-VM connection attempt waits before it gives up (Artemis's default: 2 s). */
    static final long IN_VM_RETRY_MILLIS = 100;

    @Bean
    ArtemisConfigurationCustomizer trafficQueueSettings(TrafficProperties traffic,
            @Value("${nix.broker.journal-buffer-timeout:100us}") Duration journalBufferTimeout) {
        return configuration -> configuration
                .setJournalBufferTimeout_NIO((int) journalBufferTimeout.toNanos())
                .setJournalBufferTimeout_AIO((int) journalBufferTimeout.toNanos())
                .addAddressSetting(traffic.queue(), new AddressSettings()
                        .setMaxDeliveryAttempts(-1)
                        .setRedeliveryDelay(100)
                        .setRedeliveryMultiplier(2)
                        .setMaxRedeliveryDelay(5_000));
    }

    /**
     * Connections to the embedded broker are in-VM: one that fails, fails because the broker has stopped, and
     * waiting Artemis's default 2 s before the client gives up only holds the shared connection's lock for
     * everyone else - the listener containers retrying one after another made a stopped node take minutes
     * to shut down. 100 ms, for the in-VM factory only; an external broker's URL keeps its own settings.
     */
    @Bean
    static BeanPostProcessor inVmConnectionRetry() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SingleConnectionFactory shared
                        && shared.getTargetConnectionFactory() instanceof ActiveMQConnectionFactory artemis
                        && inVm(artemis)) {
                    artemis.setRetryInterval(IN_VM_RETRY_MILLIS);
                }
                return bean;
            }
        };
    }

    private static boolean inVm(ActiveMQConnectionFactory artemis) {
        TransportConfiguration[] connectors = artemis.getStaticConnectors();
        return connectors != null && connectors.length > 0 && Arrays.stream(connectors)
                .allMatch(connector -> InVMConnectorFactory.class.getName().equals(connector.getFactoryClassName()));
    }
}
