package ir.nix.core.ingress.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The messaging channel ({@code nix.messaging.*}): asynchronous inquiries over the broker.
 *
 * @param enabled              listen on every agency's request address
 * @param amqpPort             AMQP 1.0 (and core) acceptor of the embedded broker; 0 for none
 * @param amqpHost             interface the acceptor binds
 * @param demoCredentials      demo only: an agency logs into the embedded broker as its code with password
 *                             {@code demo}; off, only the bus itself (in-VM) may connect
 * @param maxDeliveryAttempts  deliveries of a request that keeps failing before it is dead-lettered
 * @param redeliveryDelay      first redelivery delay; doubles on every attempt
 * @param maxRedeliveryDelay   cap of the redelivery backoff
 * @param replyTimeToLive      a reply nobody consumes expires (and is dropped) after this
 * @param deadLetterRetention  a dead letter (headers only) expires after this
 * @param concurrency          listener threads per agency request address, Spring's {@code "min-max"}
 */
@ConfigurationProperties(prefix = "nix.messaging")
public record MessagingProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("5673") int amqpPort,
                                  @DefaultValue("0.0.0.0") String amqpHost,
                                  @DefaultValue("false") boolean demoCredentials,
                                  @DefaultValue("5") int maxDeliveryAttempts,
                                  @DefaultValue("200ms") Duration redeliveryDelay,
                                  @DefaultValue("10s") Duration maxRedeliveryDelay,
                                  @DefaultValue("10m") Duration replyTimeToLive,
                                  @DefaultValue("7d") Duration deadLetterRetention,
                                  @DefaultValue("1-2") String concurrency) {
}
