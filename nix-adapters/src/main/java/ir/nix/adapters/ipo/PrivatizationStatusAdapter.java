package ir.nix.adapters.ipo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import ir.nix.adapters.endpoint.JsonEndpointAdapter;
import ir.nix.core.agency.AgencyCode;
import ir.nix.core.identifier.LegalEntityId;
import ir.nix.core.provider.ProviderCall;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.provider.ProviderHttpClient;
import ir.nix.core.provider.ProviderResult;
import ir.nix.core.service.ServiceCode;
import ir.nix.policy.calendar.JalaliDate;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An enterprise's entry on the Privatization Organization's monthly list (26th session, privatization
 * item 2): name, transfer status, last entry and exit, and the earlier entries and exits. The
 * organisation's REST API looks an enterprise up by national ID; an enterprise not on the list is HTTP 404.
 *
 * <p>The API writes dates as ISO (Gregorian) dates; the service answers Jalali {@code yyyy/MM/dd}.
 * {@code VaziatVagozari} 1, 2, 3 become {@code SUBJECT_TO_TRANSFER}, {@code IN_TRANSFER}, {@code TRANSFERRED}.
 */
@Component
public class PrivatizationStatusAdapter extends JsonEndpointAdapter {

    static final ServiceCode SERVICE = new ServiceCode("privatization-status");
    static final AgencyCode IPO = new AgencyCode("IPO");
    static final String LOOKUP_PATH = "/api/v1/privatization-list/enterprise";

    /** Transfer status as the bus names it, by the list's numeric code (1, 2, 3). */
    enum TransferStatus {
        SUBJECT_TO_TRANSFER, IN_TRANSFER, TRANSFERRED;

        static TransferStatus of(Integer code) {
            if (code == null || code < 1 || code > values().length) {
                throw new IllegalArgumentException("unknown transfer status code");
            }
            return values()[code - 1];
        }
    }

    public PrivatizationStatusAdapter(ProviderEndpoints endpoints, ProviderHttpClient http, JsonMapper json) {
        super(SERVICE, IPO, LOOKUP_PATH, endpoints, http, json);
    }

    /** The list service's request body. */
    record LookupRequest(@JsonProperty("ShenaseMelli") String nationalId, @JsonProperty("Darkhastkonandeh") String requester,
                         @JsonProperty("KodePeygiri") String trackingCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LookupReply(@JsonProperty("ResultCode") Integer resultCode, @JsonProperty("Bongah") Listed enterprise) {
    }

    /** An enterprise as listed; publication period and status text are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Listed(@JsonProperty("NameBongah") String name, @JsonProperty("VaziatVagozari") Integer status,
                  @JsonProperty("TarikhAkharinVorood") String lastEntry, @JsonProperty("TarikhAkharinKhorooj") String lastExit,
                  @JsonProperty("SavabeghVoroodKhorooj") List<EarlierStay> earlier) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EarlierStay(@JsonProperty("TarikhVorood") String entry, @JsonProperty("TarikhKhorooj") String exit) {
    }

    @Override
    protected ProviderResult call(URI uri, ProviderCall call) {
        LookupRequest request = new LookupRequest(call.input().get("enterpriseNationalId", LegalEntityId.class).value(),
                call.consumer().value(), call.trackingId().toString());
        return post(uri, request, Map.of(), call.timeout(), this::read);
    }

    private ProviderResult read(ProviderHttpClient.Reply reply) {
        if (reply.status() == 404) {
            return new ProviderResult.NotFound("the enterprise is not on the Privatization Organization's list");
        }
        if (reply.status() == 400) {
            return new ProviderResult.Rejected("IPO refused the request (HTTP 400)");
        }
        if (reply.status() != 200) {
            return new ProviderResult.Failed("IPO answered HTTP " + reply.status());
        }
        return readJson(reply, LookupReply.class, PrivatizationStatusAdapter::listed);
    }

    private static ProviderResult listed(LookupReply lookup) {
        if (lookup.enterprise() == null || lookup.resultCode() == null || lookup.resultCode() != 0) {
            return new ProviderResult.Failed("IPO answered without an enterprise");
        }
        try {
            return new ProviderResult.Answered(items(lookup.enterprise()));
        } catch (IllegalArgumentException | DateTimeParseException outsideContract) {
            return new ProviderResult.Failed("IPO reply holds a value outside its contract");
        }
    }

    private static Map<String, Object> items(Listed listed) {
        List<Map<String, Object>> history = new ArrayList<>();
        for (EarlierStay stay : listed.earlier() == null ? List.<EarlierStay>of() : listed.earlier()) {
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("entryDate", jalali(stay.entry()));
            period.put("exitDate", jalali(stay.exit()));
            history.add(period);
        }
        if (listed.lastEntry() == null) {
            // The resolution makes the last entry date mandatory on the list.
            throw new IllegalArgumentException("last entry date missing");
        }
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("enterpriseName", listed.name());
        items.put("status", TransferStatus.of(listed.status()).name());
        items.put("lastEntryDate", jalali(listed.lastEntry()));
        items.put("lastExitDate", jalali(listed.lastExit()));
        items.put("history", history);
        return items;
    }

    /** ISO date to Jalali {@code yyyy/MM/dd}; an absent date stays absent. */
    private static String jalali(String isoDate) {
        return isoDate == null || isoDate.isBlank() ? null : JalaliDate.of(LocalDate.parse(isoDate.strip())).toString();
    }
}
