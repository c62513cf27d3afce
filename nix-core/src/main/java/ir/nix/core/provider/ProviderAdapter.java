package ir.nix.core.provider;

import ir.nix.core.service.ServiceDescriptor;

/**
 * SPI: one service of one provider agency. The adapter maps the canonical, validated request to the
 * provider's own protocol and the provider's reply back to the service's data items.
 *
 * <p>Adapters never log a payload and never throw for a provider failure: every way a call can end
 * is a {@link ProviderResult}.
 */
public interface ProviderAdapter {

    ServiceDescriptor descriptor();

    ProviderResult call(ProviderCall call);
}
