package ir.nix.adapters.endpoint;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.provider.ProviderAdapter;
import ir.nix.core.provider.ProviderCall;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.provider.ProviderResult;
import ir.nix.core.service.ServiceCode;
import java.net.URI;

/**
 * An adapter that serves one service from one path under its provider's configured base URL: what every
 * adapter of this module shares, so that an adapter holds its provider's protocol and nothing else.
 */
public abstract class EndpointAdapter implements ProviderAdapter {

    private final ServiceCode service;
    private final AgencyCode provider;
    private final String path;
    private final ProviderEndpoints endpoints;
    /** The last base URL and the address under it: the base changes only with configuration, so no inquiry parses a URI. */
    private volatile Resolved resolved;

    protected EndpointAdapter(ServiceCode service, AgencyCode provider, String path, ProviderEndpoints endpoints) {
        this.service = service;
        this.provider = provider;
        this.path = path;
        this.endpoints = endpoints;
    }

    @Override
    public final ServiceCode service() {
        return service;
    }

    @Override
    public final ProviderResult call(ProviderCall call) {
        return endpoints.at(provider, base -> call(under(base), call));
    }

    private URI under(URI base) {
        Resolved last = resolved;
        if (last == null || (last.base() != base && !last.base().equals(base))) {
            last = new Resolved(base, URI.create(base + path));
            resolved = last;
        }
        return last.uri();
    }

    /** The provider agency, as its replies' details name it. */
    protected final AgencyCode provider() {
        return provider;
    }

    private record Resolved(URI base, URI uri) {
    }

    /** Calls the provider at {@code uri} (the configured base URL and this adapter's path). */
    protected abstract ProviderResult call(URI uri, ProviderCall call);
}
