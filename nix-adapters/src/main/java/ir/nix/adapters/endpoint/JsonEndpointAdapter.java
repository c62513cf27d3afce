package ir.nix.adapters.endpoint;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.provider.ProviderHttpClient;
import ir.nix.core.provider.ProviderResult;
import ir.nix.core.service.ServiceCode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** An {@link EndpointAdapter} whose provider speaks JSON over HTTP POST. */
public abstract class JsonEndpointAdapter extends EndpointAdapter {

    private final ProviderHttpClient http;
    private final JsonMapper json;

    protected JsonEndpointAdapter(ServiceCode service, AgencyCode provider, String path, ProviderEndpoints endpoints,
                                  ProviderHttpClient http, JsonMapper json) {
        super(service, provider, path, endpoints);
        this.http = http;
        this.json = json;
    }

    /** POSTs {@code body} as JSON; {@code read} turns the provider's reply into the result. */
    protected final ProviderResult post(URI uri, Object body, Map<String, String> headers, Duration timeout,
                                        Function<ProviderHttpClient.Reply, ProviderResult> read) {
        return http.post(uri, "application/json", json.writeValueAsBytes(body), headers, timeout, read);
    }

    /**
     * The reply body as {@code type}, handed to {@code answer}; a body that is not such JSON is the
     * provider's failure, named without its content.
     */
    protected final <T> ProviderResult readJson(ProviderHttpClient.Reply reply, Class<T> type,
                                                Function<T, ProviderResult> answer) {
        T body;
        try {
            body = json.readValue(reply.body(), type);
        } catch (JacksonException unreadable) {
            return new ProviderResult.Failed(provider() + " reply could not be read");
        }
        return answer.apply(body);
    }
}
