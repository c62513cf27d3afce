package ir.nix.deploy.broker;

import ir.nix.core.traffic.TrafficProperties;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Settings of the embedded Artemis broker (default and demo). The traffic queue never gives a record
 * up: no redelivery limit (a record is retried until the store takes it) and no expiry.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedBrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer trafficQueueSettings(TrafficProperties traffic) {
        return configuration -> configuration.addAddressSetting(traffic.queue(), new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(100)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(5_000));
    }
}
