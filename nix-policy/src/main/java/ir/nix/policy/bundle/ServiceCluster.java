package ir.nix.policy.bundle;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 14 service clusters of 003 Annex A. Each agency belongs to one or more; a cluster may run its own
 * specialised exchange centre with the same rules (003 Art. 32). The codes are what bundles write.
 */
public enum ServiceCluster {
    INDUSTRY_AND_TRADE("industry-and-trade"),
    HEALTH("health"),
    INTERNATIONAL_AFFAIRS("international-affairs"),
    DOMESTIC_AFFAIRS("domestic-affairs"),
    CULTURE_AND_SOCIETY("culture-and-society"),
    ENERGY("energy"),
    ENVIRONMENT_AND_AGRICULTURE("environment-and-agriculture"),
    WELFARE_AND_SOCIAL_SECURITY("welfare-and-social-security"),
    LEGAL_AND_JUDICIAL("legal-and-judicial"),
    ECONOMY_AND_FINANCE("economy-and-finance"),
    SECURITY_AND_CRISIS_MANAGEMENT("security-and-crisis-management"),
    COMMUNICATIONS_AND_INFORMATION("communications-and-information"),
    TRANSPORT_AND_URBAN_DEVELOPMENT("transport-and-urban-development"),
    EDUCATION_AND_RESEARCH("education-and-research");

    private final String code;

    ServiceCluster(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ServiceCluster> byCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
