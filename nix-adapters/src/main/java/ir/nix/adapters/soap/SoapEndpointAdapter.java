package ir.nix.adapters.soap;

import ir.nix.adapters.endpoint.EndpointAdapter;
import ir.nix.core.agency.AgencyCode;
import ir.nix.core.provider.ProviderCall;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.provider.ProviderResult;
import ir.nix.core.startup.BackgroundStart;
import ir.nix.core.service.ServiceCode;
import java.net.URI;

/**
 * An {@link EndpointAdapter} whose provider speaks SOAP, through the port {@code P} of a client generated from
 * the provider's WSDL: the SOAP twin of {@link ir.nix.adapters.endpoint.JsonEndpointAdapter}.
 */
public abstract class SoapEndpointAdapter<P> extends EndpointAdapter {

    private final SoapProviderClients soap;
    /** Built on a start thread ({@link SoapProviderClients#proxyInBackground}); ready before the node takes traffic. */
    private final BackgroundStart<P> port;

    protected SoapEndpointAdapter(ServiceCode service, AgencyCode provider, String path, ProviderEndpoints endpoints,
                                  SoapProviderClients soap, Class<P> portType) {
        super(service, provider, path, endpoints);
        this.soap = soap;
        this.port = soap.proxyInBackground(portType);
    }

    /**
     * Calls the port at {@code uri} within the call's timeout; a SOAP fault the operation does not declare,
     * or a transport failure, is the provider's failure (see {@link SoapProviderClients#call}).
     */
    protected final ProviderResult callPort(URI uri, ProviderCall call, SoapProviderClients.Operation<P> operation) {
        return soap.call(provider().value(), port.get(), uri, call.timeout(), operation);
    }
}
