package ir.nix.core.identification;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.ingress.NixHeaders;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo and test identification: the caller names its agency in {@code X-NIX-Consumer}. Never active
 * in {@code prod}, where anyone could claim any agency this way.
 */
@Component
@ConditionalOnProperty(name = "nix.identification.mode", havingValue = "header")
class HeaderConsumerIdentifier implements ConsumerIdentifier {

    static final String HEADER = NixHeaders.CONSUMER;

    @Override
    public Identification identify(HttpServletRequest request) {
        String claimed = request.getHeader(HEADER);
        if (!AgencyCode.isWellFormed(claimed)) {
            return Identification.none();
        }
        return new Identification(Optional.of(new AgencyCode(claimed)), Optional.empty());
    }
}
