package ir.nix.core.traffic;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Traffic record path settings ({@code nix.traffic.*}).
 *
 * @param batchSize      records per insert batch
 * @param flushInterval  longest a record waits before its batch is written
 * @param queueCapacity  records held in memory before callers are slowed down
 */
@ConfigurationProperties(prefix = "nix.traffic")
public record TrafficProperties(@DefaultValue("500") int batchSize, @DefaultValue("200ms") Duration flushInterval,
                                @DefaultValue("100000") int queueCapacity) {
}
