package ir.nix.deploy.broker;

import ir.nix.core.traffic.TrafficProperties;
import java.time.Duration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Settings of the embedded Artemis broker (default and demo). The traffic queue never gives a record
 * up: no redelivery limit (a record is retried until the store takes it) and no expiry.
 *
 * <p>Every traffic record is a durable send the reply waits for, so the journal's flush interval is
 * on the request path. Artemis's NIO default (3.3 ms) suits disks whose sync costs that much; the
 * journal still syncs every flush, just sooner ({@code nix.broker.journal-buffer-timeout}).
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedBrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer trafficQueueSettings(TrafficProperties traffic,
            @Value("${nix.broker.journal-buffer-timeout:500us}") Duration journalBufferTimeout) {
        return configuration -> configuration
                .setJournalBufferTimeout_NIO((int) journalBufferTimeout.toNanos())
                .setJournalBufferTimeout_AIO((int) journalBufferTimeout.toNanos())
                .addAddressSetting(traffic.queue(), new AddressSettings()
                        .setMaxDeliveryAttempts(-1)
                        .setRedeliveryDelay(100)
                        .setRedeliveryMultiplier(2)
                        .setMaxRedeliveryDelay(5_000));
    }
}
