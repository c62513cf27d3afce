package ir.nix.monitoring.policy;

import ir.nix.policy.BundleIdentity;
import ir.nix.policy.GrantCondition;
import ir.nix.policy.bundle.Grant;
import ir.nix.policy.bundle.PolicyBundle;
import ir.nix.policy.bundle.Resolution;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators' view of the grants in force: what {@code GET /api/v1/grants} returns. Dates are
 * written both ways the regulations ask for: ISO for validity, Jalali and ISO for resolutions.
 */
record ActiveGrantsView(BundleView bundle, List<GrantView> grants) {

    /** @param today the calendar day (Asia/Tehran) each grant's standing is given for */
    static ActiveGrantsView of(PolicyBundle bundle, LocalDate today) {
        return new ActiveGrantsView(BundleView.of(bundle.identity()), bundle.grants().stream()
                .map(grant -> GrantView.of(grant, bundle.resolutions().get(grant.resolution()), today))
                .toList());
    }

    record BundleView(String version, String sha256) {
        static BundleView of(BundleIdentity identity) {
            return new BundleView(identity.version(), identity.sha256());
        }
    }

    /**
     * Absent limits and open validity ends are {@code null}.
     *
     * @param standing {@code IN_FORCE}, {@code NOT_YET_VALID}, {@code EXPIRED} or {@code REVOKED} today
     */
    record GrantView(String id, String consumer, String service, String provider, List<String> dataItems,
                     Grant.Standing standing, LocalDate validFrom, LocalDate validUntil, boolean revoked, QuotaView quota,
                     ResolutionView resolution, String purpose, List<Map<String, String>> conditions,
                     List<String> onBehalfOf, boolean demo) {

        static GrantView of(Grant grant, Resolution resolution, LocalDate today) {
            return new GrantView(grant.id(), grant.consumer(), grant.service(), grant.provider(),
                    List.copyOf(grant.dataItems()), grant.standingOn(today), grant.validFrom().orElse(null), grant.validUntil().orElse(null),
                    grant.revoked(), QuotaView.of(grant), ResolutionView.of(resolution), grant.purpose(),
                    grant.conditions().stream().map(GrantView::condition).toList(),
                    grant.onBehalfOf().stream().sorted().toList(), grant.demo());
        }

        private static Map<String, String> condition(GrantCondition condition) {
            Map<String, String> view = new LinkedHashMap<>();
            view.put("type", condition.type());
            if (condition instanceof GrantCondition.EnterpriseSubjectToTransfer transfer) {
                view.put("inputField", transfer.inputField());
            }
            return view;
        }
    }

    record QuotaView(Integer perSecond, Long perDay) {
        static QuotaView of(Grant grant) {
            return new QuotaView(
                    grant.quota().perSecond().isPresent() ? grant.quota().perSecond().getAsInt() : null,
                    grant.quota().perDay().isPresent() ? grant.quota().perDay().getAsLong() : null);
        }
    }

    /**
     * @param date    Jalali, as the resolution is dated ({@code 1400/08/18})
     * @param dateIso the same day in ISO form
     */
    record ResolutionView(String id, String body, Integer session, String date, LocalDate dateIso,
                          String letterNumber, String letterDate) {
        static ResolutionView of(Resolution resolution) {
            return new ResolutionView(resolution.id(), resolution.body(),
                    resolution.session().isPresent() ? resolution.session().getAsInt() : null,
                    resolution.date().toString(), resolution.date().toLocalDate(),
                    resolution.letter().map(Resolution.Letter::number).orElse(null),
                    resolution.letter().map(letter -> letter.date().toString()).orElse(null));
        }
    }
}
