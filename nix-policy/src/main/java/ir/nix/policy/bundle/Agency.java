package ir.nix.policy.bundle;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A registered party of the exchange, consumer or provider.
 *
 * @param code                stable agency code used in headers, grants, metrics and reports, e.g. {@code CRA}
 * @param nameFa              the agency's Persian name
 * @param nameEn              its English name
 * @param clusters            the 003 Annex A service clusters it belongs to
 * @param certificateSubjects X.509 subject DNs of its client certificates (003 Part 3 Art. 13)
 */
public record Agency(String code, String nameFa, String nameEn, Set<ServiceCluster> clusters,
                     List<String> certificateSubjects) {
    public Agency {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameFa, "nameFa");
        Objects.requireNonNull(nameEn, "nameEn");
        clusters = Set.copyOf(clusters);
        certificateSubjects = List.copyOf(certificateSubjects);
    }
}
