package ir.nix.adapters.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import ir.nix.core.agency.AgencyCode;
import ir.nix.core.identifier.LegalEntityId;
import ir.nix.policy.calendar.JalaliDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Privatization Organization's monthly list of enterprises subject to transfer, in transfer and
 * transferred (26th session, privatization item 2), simulated as a REST/JSON lookup by national ID with the
 * organisation's own field names. Dates travel as ISO (Gregorian) dates; {@code VaziatVagozari} is 1 subject
 * to transfer, 2 in transfer, 3 transferred. An enterprise that is not listed is HTTP 404.
 */
@Component
public class IpoSimulator extends AgencySimulator {

    static final String LOOKUP_PATH = "/api/v1/privatization-list/enterprise";

    /** One stay on the list: entered, and left unless {@code exit} is null. */
    public record Stay(JalaliDate entry, JalaliDate exit) {
    }

    /** A listed enterprise; {@code stays} oldest first, the last one the current or most recent stay. */
    public record Enterprise(String nationalId, String name, int status, List<Stay> stays) {
    }

    /**
     * Subject to transfer since 1401, after an earlier stay in 1400; SSO holds its insurance lists
     * ({@link SsoSimulator#SUBJECT_TO_TRANSFER_LIST}). The privatization-status service's demo example.
     */
    public static final Enterprise SUBJECT_TO_TRANSFER = new Enterprise(LegalEntityId.completing("1010176543").value(),
            "شرکت صنایع نساجی البرز نمونه", 1, List.of(
                    new Stay(new JalaliDate(1400, 2, 10), new JalaliDate(1400, 6, 1)),
                    new Stay(new JalaliDate(1401, 3, 15), null)));
    public static final Enterprise IN_TRANSFER = new Enterprise(LegalEntityId.completing("1086024717").value(),
            "شرکت کشت و صنعت دشت مغان نمونه", 2, List.of(new Stay(new JalaliDate(1399, 11, 20), null)));
    /** Transferred and off the list: entered and left three times in 1400, last exit in 1402. */
    public static final Enterprise TRANSFERRED = new Enterprise(LegalEntityId.completing("1410098765").value(),
            "شرکت لبنیات فارس نمونه", 3, List.of(
                    new Stay(new JalaliDate(1400, 1, 20), new JalaliDate(1400, 4, 5)),
                    new Stay(new JalaliDate(1400, 5, 11), new JalaliDate(1400, 8, 30)),
                    new Stay(new JalaliDate(1400, 10, 2), new JalaliDate(1400, 12, 25)),
                    new Stay(new JalaliDate(1401, 4, 10), new JalaliDate(1402, 12, 20))));
    public static final List<Enterprise> ENTERPRISES = List.of(SUBJECT_TO_TRANSFER, IN_TRANSFER, TRANSFERRED);

    /** Valid, but not on the list (HTTP 404). */
    public static final String UNLISTED_NATIONAL_ID = LegalEntityId.completing("1010999888").value();
    /** Valid; the list service answers HTTP 500, for demos of 502. */
    public static final String FAILING_NATIONAL_ID = LegalEntityId.completing("1410055512").value();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public IpoSimulator() {
        super(new AgencyCode("IPO"), LOOKUP_PATH);
    }

    @Override
    protected void stub(WireMockServer server, String path) {
        server.stubFor(post(urlPathEqualTo(path)).atPriority(10)
                .willReturn(json(404, Map.of("ResultCode", 404, "ResultMessage", "بنگاه در فهرست واگذاری یافت نشد"))));
        for (Enterprise enterprise : ENTERPRISES) {
            server.stubFor(post(urlPathEqualTo(path)).atPriority(1)
                    .withRequestBody(matchingJsonPath("$.ShenaseMelli", equalTo(enterprise.nationalId())))
                    .willReturn(json(200, found(enterprise))));
        }
        server.stubFor(post(urlPathEqualTo(path)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.ShenaseMelli", equalTo(FAILING_NATIONAL_ID)))
                .willReturn(json(500, Map.of("ResultCode", 500, "ResultMessage", "خطای داخلی سامانه"))));
    }

    private static Map<String, Object> found(Enterprise enterprise) {
        List<Stay> stays = enterprise.stays();
        Stay last = stays.get(stays.size() - 1);
        List<Map<String, Object>> earlier = new ArrayList<>();
        for (Stay stay : stays.subList(0, stays.size() - 1)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("TarikhVorood", iso(stay.entry()));
            row.put("TarikhKhorooj", iso(stay.exit()));
            earlier.add(row);
        }
        Map<String, Object> listed = new LinkedHashMap<>();
        listed.put("ShenaseMelli", enterprise.nationalId());
        listed.put("NameBongah", enterprise.name());
        listed.put("VaziatVagozari", enterprise.status());
        listed.put("SharhVaziat", switch (enterprise.status()) {
            case 1 -> "مشمول واگذاری";
            case 2 -> "در حال واگذاری";
            default -> "واگذار شده";
        });
        listed.put("TarikhAkharinVorood", iso(last.entry()));
        listed.put("TarikhAkharinKhorooj", iso(last.exit()));
        listed.put("SavabeghVoroodKhorooj", earlier);
        listed.put("DoreyeEnteshar", "1403/07");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ResultCode", 0);
        body.put("ResultMessage", "موفق");
        body.put("Bongah", listed);
        return body;
    }

    private static String iso(JalaliDate date) {
        return date == null ? null : date.toLocalDate().toString();
    }

    private static ResponseDefinitionBuilder json(int status, Map<String, Object> body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(JSON.writeValueAsString(body));
    }
}
