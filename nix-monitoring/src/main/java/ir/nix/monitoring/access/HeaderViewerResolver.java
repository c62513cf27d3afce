package ir.nix.monitoring.access;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.ingress.NixHeaders;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Demo and test identification of viewers: {@code X-NIX-Role} names the role and, for {@code AGENCY},
 * {@code X-NIX-Consumer} names the agency - the same trust level as the header identification of
 * inquiry callers, and active only with it ({@code nix.identification.mode=header}).
 */
final class HeaderViewerResolver implements ViewerResolver {

    static final String ROLE = NixHeaders.ROLE;
    static final String AGENCY = NixHeaders.CONSUMER;
    static final String REQUIRED = ROLE + ": required (OPERATOR, AUDITOR or AGENCY)";

    @Override
    public Resolution resolve(HttpServletRequest request) {
        String claimed = request.getHeader(ROLE);
        if (claimed == null || claimed.isBlank()) {
            return Resolution.none(REQUIRED);
        }
        Role role;
        try {
            role = Role.valueOf(claimed.trim());
        } catch (IllegalArgumentException unknown) {
            return Resolution.refused(ROLE + ": must be OPERATOR, AUDITOR or AGENCY");
        }
        if (role != Role.AGENCY) {
            return Resolution.of(Viewer.of(role));
        }
        String agency = request.getHeader(AGENCY);
        return AgencyCode.isWellFormed(agency)
                ? Resolution.of(Viewer.agency(new AgencyCode(agency)))
                : Resolution.refused(AGENCY + ": an AGENCY viewer names its agency code");
    }
}
