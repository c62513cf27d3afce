package ir.nix.monitoring.figures;

import ir.nix.policy.active.ActivePolicy;
import ir.nix.policy.bundle.Agency;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Persian and English agency names from the policy bundle in force, for the dashboard and reports.
 * Codes remain the data; names are a courtesy and absent when the bundle does not list the agency.
 */
@Component
public class AgencyNames {

    private final ObjectProvider<ActivePolicy> policy;

    public AgencyNames(ObjectProvider<ActivePolicy> policy) {
        this.policy = policy;
    }

    public Optional<String> persian(String code) {
        return agency(code).map(Agency::nameFa);
    }

    public Optional<String> english(String code) {
        return agency(code).map(Agency::nameEn);
    }

    private Optional<Agency> agency(String code) {
        ActivePolicy active = code == null ? null : policy.getIfAvailable();
        return active == null ? Optional.empty() : Optional.ofNullable(active.bundle().agencies().get(code));
    }
}
