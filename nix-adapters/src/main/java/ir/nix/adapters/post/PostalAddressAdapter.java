package ir.nix.adapters.post;

import ir.nix.adapters.post.gnaf.AddressResult;
import ir.nix.adapters.post.gnaf.GnafAddress;
import ir.nix.adapters.post.gnaf.GnafAddressSoap;
import ir.nix.adapters.soap.SoapEndpointAdapter;
import ir.nix.adapters.soap.SoapProviderClients;
import ir.nix.core.agency.AgencyCode;
import ir.nix.core.identifier.PostalCode;
import ir.nix.core.provider.ProviderCall;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.provider.ProviderResult;
import ir.nix.core.service.ServiceCode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Postal address by postal code, from Iran Post's GNAF (geo-coded national address file). GNAF is a SOAP
 * service ({@code wsdl/post-gnaf.wsdl}); the client is generated from the WSDL at build time.
 *
 * <p>GNAF's {@code ErrorCode}: 0 found, 1 no address for the postal code, 2 malformed postal code; any other
 * code, and any SOAP fault, is a provider error. Of GNAF's address fields the service keeps the written
 * address, {@code city} being the city or village GNAF names as the locality; the county ({@code TownShip}),
 * the preceding main street ({@code PreAvenue}) and GNAF's trace ID are dropped.
 */
@Component
public class PostalAddressAdapter extends SoapEndpointAdapter<GnafAddressSoap> {

    static final ServiceCode SERVICE = new ServiceCode("postal-address");
    static final AgencyCode POST = new AgencyCode("POST");
    /** Where GNAF's address service sits under Post's base URL. */
    static final String SERVICE_PATH = "/GNAF/AddressService.asmx";
    private static final int FOUND = 0;
    private static final int NO_ADDRESS = 1;
    private static final int MALFORMED_POSTAL_CODE = 2;

    public PostalAddressAdapter(ProviderEndpoints endpoints, SoapProviderClients soap) {
        super(SERVICE, POST, SERVICE_PATH, endpoints, soap, GnafAddressSoap.class);
    }

    @Override
    protected ProviderResult call(URI uri, ProviderCall call) {
        String postalCode = call.input().get("postalCode", PostalCode.class).value();
        return callPort(uri, call,
                port -> read(port.getAddressByPostcode(postalCode, call.consumer().value(), call.trackingId().toString())));
    }

    private static ProviderResult read(AddressResult result) {
        if (result == null) {
            return new ProviderResult.Failed("POST reply could not be read");
        }
        return switch (result.getErrorCode()) {
            case FOUND -> result.getAddress() == null
                    ? new ProviderResult.Failed("POST answered without an address")
                    : new ProviderResult.Answered(items(result.getAddress()));
            case NO_ADDRESS -> new ProviderResult.NotFound("Iran Post holds no address for this postal code");
            case MALFORMED_POSTAL_CODE -> new ProviderResult.Rejected("POST refused the postal code (GNAF code 2)");
            default -> new ProviderResult.Failed("POST answered with GNAF error code " + result.getErrorCode());
        };
    }

    /** Every item of the service, null where GNAF has nothing (a village has no alley or floor). */
    static Map<String, Object> items(GnafAddress address) {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("province", text(address.getProvince()));
        items.put("city", text(address.getLocalityName()));
        items.put("locality", text(address.getSubLocality()));
        items.put("street", text(address.getAvenue()));
        items.put("alley", text(address.getAlley()));
        items.put("plaque", text(address.getHouseNumber()));
        items.put("floor", text(address.getFloor()));
        items.put("unit", text(address.getSideFloor()));
        items.put("buildingName", text(address.getBuildingName()));
        items.put("description", text(address.getDescription()));
        return items;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
