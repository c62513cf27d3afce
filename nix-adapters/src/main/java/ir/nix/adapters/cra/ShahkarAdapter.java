package ir.nix.adapters.cra;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import ir.nix.adapters.endpoint.JsonEndpointAdapter;
import ir.nix.core.agency.AgencyCode;
import ir.nix.core.identifier.MobileNumber;
import ir.nix.core.identifier.NationalCode;
import ir.nix.core.provider.ProviderCall;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.provider.ProviderHttpClient;
import ir.nix.core.provider.ProviderResult;
import ir.nix.core.service.ServiceCode;
import java.net.URI;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * SHAHKAR (CRA): does this mobile number belong to this national code? The CRA's REST API takes the
 * subscriber's identification and service number and answers with a numeric response code:
 * {@code 200} match, {@code 600} no match, {@code 601..699} request refused as invalid.
 */
@Component
public class ShahkarAdapter extends JsonEndpointAdapter {

    static final ServiceCode SERVICE = new ServiceCode("shahkar");
    static final AgencyCode CRA = new AgencyCode("CRA");
    static final String VERIFY_PATH = "/shahkar/v2/verify";
    /** CRA service type 2: mobile; identification type 0: Iranian national code. */
    private static final int SERVICE_TYPE_MOBILE = 2;
    private static final int IDENTIFICATION_NATIONAL_CODE = 0;

    public ShahkarAdapter(ProviderEndpoints endpoints, ProviderHttpClient http, JsonMapper json) {
        super(SERVICE, CRA, VERIFY_PATH, endpoints, http, json);
    }

    /** The CRA's request body. */
    record VerifyRequest(String requestId, int serviceType, int identificationType, String identificationNo,
                         String serviceNumber) {
    }

    /** The CRA's reply body; fields the bus does not use are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record VerifyReply(Integer response, String result, String requestId) {
    }

    @Override
    protected ProviderResult call(URI uri, ProviderCall call) {
        VerifyRequest request = new VerifyRequest(call.trackingId().toString(), SERVICE_TYPE_MOBILE,
                IDENTIFICATION_NATIONAL_CODE, call.input().get("nationalCode", NationalCode.class).value(),
                call.input().get("mobile", MobileNumber.class).international());
        return post(uri, request, Map.of("X-Requesting-Agency", call.consumer().value()), call.timeout(), this::read);
    }

    private ProviderResult read(ProviderHttpClient.Reply reply) {
        if (reply.status() != 200) {
            return new ProviderResult.Failed("CRA answered HTTP " + reply.status());
        }
        return readJson(reply, VerifyReply.class, ShahkarAdapter::verdict);
    }

    private static ProviderResult verdict(VerifyReply verdict) {
        int code = verdict.response() == null ? -1 : verdict.response();
        if (code == 200) {
            return new ProviderResult.Answered(Map.of("matched", true));
        }
        if (code == 600) {
            return new ProviderResult.Answered(Map.of("matched", false));
        }
        if (code > 600 && code < 700) {
            return new ProviderResult.Rejected("CRA refused the request (CRA code " + code + ")");
        }
        return new ProviderResult.Failed("CRA answered with unknown response code " + code);
    }
}
