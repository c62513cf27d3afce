package ir.nix.deploy.broker;

import java.security.Principal;
import java.util.Set;
import java.util.function.Predicate;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;

/**
 * Who may connect to the embedded broker, and as whom. The bus itself connects in-VM and holds the
 * {@link #BUS_ROLE}; an agency logs in over the network as its agency code and holds the role of that
 * code, which the security settings of {@link BrokerAddressSecurity} grant on its own addresses only.
 *
 * <p>Over the network, the only credentials are the demo ones (password {@code demo}, when
 * {@code nix.messaging.demo-credentials} is on); in production the broker is external and
 * authenticates agencies by their certificates.
 */
final class AgencyBrokerSecurity implements ActiveMQSecurityManager5 {

    static final String BUS_USER = "nix-bus";
    static final String BUS_ROLE = "nix-bus";
    static final String DEMO_PASSWORD = "demo";

    private final Predicate<String> isAgency;
    private final boolean demoCredentials;

    AgencyBrokerSecurity(Predicate<String> isAgency, boolean demoCredentials) {
        this.isAgency = isAgency;
        this.demoCredentials = demoCredentials;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (connection != null && connection.getTransportConnection() instanceof InVMConnection) {
            return subject(BUS_USER, BUS_ROLE);
        }
        if (demoCredentials && user != null && isAgency.test(user) && DEMO_PASSWORD.equals(password)) {
            return subject(user, user);
        }
        return null;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        for (Principal principal : subject.getPrincipals(RolePrincipal.class)) {
            for (Role role : roles) {
                if (role.getName().equals(principal.getName()) && checkType.hasRole(role)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Subject subject(String user, String role) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(new RolePrincipal(role));
        return subject;
    }

    @Override
    public boolean validateUser(String user, String password) {
        throw new UnsupportedOperationException("authenticate(user, password, connection, domain) replaces it");
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        throw new UnsupportedOperationException("authorize(subject, roles, checkType, address) replaces it");
    }
}
