package ir.nix.adapters.sso;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Insurance list of a workshop for one month, from the Social Security Organization (26th session,
 * privatization item 1). SSO's REST API answers from the monthly DSK lists with DSK's field names; each
 * person on the list becomes one element of {@code persons}.
 *
 * <p>{@code RESULT_CODE}: 0 found; 101 no such workshop, 102 no list for the period, 103 workshop not
 * registered to the enterprise and branch (all three: not found); 2xx request refused. Per person the service
 * keeps the items of the resolution; father's name, wages and occupation are dropped. {@code ssoShare} is
 * {@code DSW_BIME}, the premium paid to SSO for the person, in rials.
 */
@Component
public class InsuranceListAdapter extends JsonEndpointAdapter {

    static final ServiceCode SERVICE = new ServiceCode("insurance-list");
    static final AgencyCode SSO = new AgencyCode("SSO");
    static final String LIST_PATH = "/dsk/api/v1/insurance-list";
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    public InsuranceListAdapter(ProviderEndpoints endpoints, ProviderHttpClient http, JsonMapper json) {
        super(SERVICE, SSO, LIST_PATH, endpoints, http, json);
    }

    /** SSO's request body. */
    record ListRequest(@JsonProperty("NATIONAL_ID") String nationalId, @JsonProperty("KARGAH_CODE") String workshopCode,
                       @JsonProperty("SHOBE_CODE") String branchCode, @JsonProperty("LIST_YEAR") int year,
                       @JsonProperty("LIST_MONTH") int month, @JsonProperty("REQUEST_ID") String requestId) {
    }

    /** SSO's reply; what the service does not use is ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListReply(@JsonProperty("RESULT_CODE") Integer resultCode, @JsonProperty("LIST_YEAR") Integer year,
                     @JsonProperty("LIST_MONTH") Integer month, @JsonProperty("LIST_SEND_DATE") String sentDate,
                     @JsonProperty("WORKERS") List<Worker> workers) {
    }

    /** One DSK row (DSKWOR): the person and what was paid for them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Worker(@JsonProperty("DSW_FNAME") String firstName, @JsonProperty("DSW_LNAME") String lastName,
                  @JsonProperty("PER_NATCOD") String nationalCode, @JsonProperty("DSW_ID1") String insuranceNumber,
                  @JsonProperty("DSW_DD") Integer daysWorked, @JsonProperty("DSW_BIME") Long premium) {
    }

    @Override
    protected ProviderResult call(URI uri, ProviderCall call) {
        ListRequest request = new ListRequest(call.input().get("enterpriseNationalId", LegalEntityId.class).value(),
                call.input().get("workshopCode", String.class), call.input().get("branchCode", String.class),
                call.input().get("year", Integer.class), call.input().get("month", Integer.class),
                call.trackingId().toString());
        return post(uri, request, Map.of("X-Requesting-Agency", call.consumer().value()), call.timeout(), this::read);
    }

    private ProviderResult read(ProviderHttpClient.Reply reply) {
        if (reply.status() >= 500) {
            return new ProviderResult.Failed("SSO answered HTTP " + reply.status());
        }
        return readJson(reply, ListReply.class, list -> answer(reply.status(), list));
    }

    private static ProviderResult answer(int status, ListReply list) {
        int code = list.resultCode() == null ? -1 : list.resultCode();
        if (code == 0 && status == 200) {
            return persons(list);
        }
        return switch (code) {
            case 101, 103 -> new ProviderResult.NotFound("SSO has no such workshop for this enterprise and branch");
            case 102 -> new ProviderResult.NotFound("SSO holds no insurance list of this workshop for this period");
            default -> code >= 200 && code < 300
                    ? new ProviderResult.Rejected("SSO refused the request (SSO code " + code + ")")
                    : new ProviderResult.Failed("SSO answered HTTP " + status + " with result code " + code);
        };
    }

    private static ProviderResult persons(ListReply list) {
        Optional<String> sent = jalali(list.sentDate());
        if (sent.isEmpty() || list.year() == null || list.month() == null) {
            return new ProviderResult.Failed("SSO reply lacks the list's period or sending date");
        }
        List<Map<String, Object>> persons = new ArrayList<>();
        for (Worker worker : list.workers() == null ? List.<Worker>of() : list.workers()) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("firstName", worker.firstName());
            person.put("lastName", worker.lastName());
            person.put("nationalCode", worker.nationalCode());
            person.put("insuranceNumber", worker.insuranceNumber());
            person.put("daysWorked", worker.daysWorked());
            person.put("ssoShare", worker.premium());
            person.put("paymentYear", list.year());
            person.put("paymentMonth", list.month());
            person.put("listSentDate", sent.get());
            persons.add(person);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("persons", persons);
        return new ProviderResult.Answered(data);
    }

    /** DSK writes Jalali dates compactly, {@code 14030612}; the bus writes {@code 1403/06/12}. */
    static Optional<String> jalali(String compact) {
        Matcher m = compact == null ? null : COMPACT_DATE.matcher(compact.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JalaliDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).toString());
        } catch (IllegalArgumentException notADate) {
            return Optional.empty();
        }
    }
}
