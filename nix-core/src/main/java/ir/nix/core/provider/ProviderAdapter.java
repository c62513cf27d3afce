package ir.nix.core.provider;

import ir.nix.core.service.ServiceCode;

/**
 * SPI: one service of one provider agency. The adapter maps the canonical, validated request to the
 * provider's own protocol and the provider's reply back to the service's data items. What the
 * service is (inputs, outputs, provider, timeout) is its descriptor file's, never the adapter's.
 *
 * <p>Adapters never log a payload and never throw for a provider failure: every way a call can end
 * is a {@link ProviderResult}.
 */
public interface ProviderAdapter {

    /** The service this adapter serves; its descriptor file has the same code. */
    ServiceCode service();

    ProviderResult call(ProviderCall call);
}
