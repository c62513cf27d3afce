package ir.nix.core.ingress.soap;

import ir.nix.core.provider.ServiceCatalog;
import ir.nix.core.service.ServiceDescriptor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/** The operations of the SOAP contract: one per service of the catalogue, by operation name. */
@Component
class SoapOperations {

    private final Map<String, ServiceDescriptor> byOperation = new LinkedHashMap<>();

    SoapOperations(ServiceCatalog catalog) {
        catalog.descriptors().forEach(service -> byOperation.put(service.code().operationName(), service));
    }

    /** Every offered service, in catalogue order: what the contract describes. */
    Collection<ServiceDescriptor> services() {
        return byOperation.values();
    }

    /** The service an operation serves ({@code PostalAddress} serves {@code postal-address}). */
    Optional<ServiceDescriptor> service(String operation) {
        return Optional.ofNullable(byOperation.get(operation));
    }

    /**
     * The service a request element asks for: {@code ShahkarRequest} is operation {@code Shahkar}. An
     * element of another name or namespace names none (the pipeline answers UNKNOWN_SERVICE).
     */
    Optional<ServiceDescriptor> requested(Element request) {
        String name = request.getLocalName();
        boolean named = SoapContract.NAMESPACE.equals(request.getNamespaceURI()) && name != null
                && name.endsWith(SoapContract.REQUEST);
        return named ? service(name.substring(0, name.length() - SoapContract.REQUEST.length())) : Optional.empty();
    }
}
