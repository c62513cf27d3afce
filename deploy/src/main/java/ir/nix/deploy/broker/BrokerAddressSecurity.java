package ir.nix.deploy.broker;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.ingress.messaging.MessagingAddresses;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.core.security.Role;

/**
 * The broker's address permissions, generated from the policy bundle's agencies: each agency may send
 * only to its own request address and consume (or browse) only its own reply and dead-letter
 * addresses; nothing else, not even creating an address. The bus (in-VM) may do everything. Publication
 * addresses get the same roles from {@link PublicationBrokerConfiguration}: a provider sends to its publish
 * addresses, a subscriber consumes its publication queues.
 */
final class BrokerAddressSecurity {

    private BrokerAddressSecurity() {
    }

    static Map<String, Set<Role>> settings(Iterable<AgencyCode> agencies) {
        Map<String, Set<Role>> settings = new LinkedHashMap<>();
        settings.put("#", Set.of(bus()));
        for (AgencyCode agency : agencies) {
            settings.put(MessagingAddresses.requests(agency), Set.of(bus(), sender(agency.value())));
            settings.put(MessagingAddresses.replies(agency), Set.of(bus(), receiver(agency.value())));
            settings.put(MessagingAddresses.deadLetters(agency), Set.of(bus(), receiver(agency.value())));
        }
        return settings;
    }

    static Role bus() {
        return new Role(AgencyBrokerSecurity.BUS_ROLE, true, true, true, true, true, true, true, true, true, true, true, true);
    }

    static Role sender(String role) {
        return new Role(role, true, false, false, false, false, false, false, false, false, false, false, false);
    }

    static Role receiver(String role) {
        return new Role(role, false, true, false, false, false, false, false, true, false, false, false, false);
    }
}
