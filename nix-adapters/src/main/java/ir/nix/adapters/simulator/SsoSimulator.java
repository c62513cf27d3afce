package ir.nix.adapters.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import ir.nix.core.agency.AgencyCode;
import ir.nix.core.identifier.NationalCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Social Security Organization's insurance-list inquiry, simulated: REST/JSON over the monthly DSK
 * lists employers send, with DSK's own field names ({@code DSW_FNAME}, {@code DSW_ID1} insurance number,
 * {@code PER_NATCOD} national code, {@code DSW_DD} days worked, {@code DSW_BIME} premium, ...).
 *
 * <p>{@code RESULT_CODE}: 0 list found; 101 no such workshop; 102 no list for that period; 103 the workshop is
 * not registered to that enterprise and branch; 201 invalid request. One workshop code stands for an SSO outage.
 */
@Component
public class SsoSimulator extends AgencySimulator {

    static final String LIST_PATH = "/dsk/api/v1/insurance-list";

    /** One person on a monthly list, as DSK records them (amounts in rials). */
    public record Worker(String nationalCode, String insuranceNumber, String firstName, String lastName,
                         String fatherName, int daysWorked, long wage, long premium) {
    }

    /** A workshop's list for one month, sent on {@code sentDate} (DSK's compact Jalali yyyyMMdd). */
    public record InsuranceList(String enterpriseNationalId, String workshopCode, String branchCode, String workshopName,
                                int year, int month, String sentDate, List<Worker> workers) {
    }

    /**
     * The enterprise the Privatization Organization lists as subject to transfer
     * ({@link IpoSimulator#SUBJECT_TO_TRANSFER}), with its Tehran workshop's list of Mordad 1403: the
     * insurance-list service's demo example.
     */
    public static final InsuranceList SUBJECT_TO_TRANSFER_LIST = new InsuranceList(
            IpoSimulator.SUBJECT_TO_TRANSFER.nationalId(), "2045678912", "1240", "کارخانه نساجی البرز نمونه", 1403, 5,
            "14030612", List.of(
                    new Worker(NationalCode.completing("004512378").value(), "0187362945", "مریم", "حسینی", "رضا", 31,
                            104_000_000L, 31_200_000L),
                    new Worker(NationalCode.completing("012874563").value(), "0234567891", "محمد", "جعفری", "قاسم", 31,
                            156_000_000L, 46_800_000L),
                    new Worker(NationalCode.completing("047123456").value(), "0345678912", "سارا", "موسوی", "کاظم", 20,
                            67_000_000L, 20_100_000L)));
    /**
     * An enterprise the Privatization Organization lists as transferred ({@link IpoSimulator#TRANSFERRED}):
     * SSO holds its list, but the 26th-session condition keeps it from the Privatization Organization.
     */
    public static final InsuranceList TRANSFERRED_LIST = new InsuranceList(
            IpoSimulator.TRANSFERRED.nationalId(), "3098765432", "1760", "شرکت لبنیات فارس نمونه", 1403, 5,
            "14030610", List.of(
                    new Worker(NationalCode.completing("228890123").value(), "0456789123", "رضا", "نوروزی", "علی", 31,
                            98_000_000L, 29_400_000L),
                    new Worker(NationalCode.completing("127655432").value(), "0567891234", "نرگس", "صادقی", "حمید", 15,
                            47_000_000L, 14_100_000L)));
    public static final List<InsuranceList> LISTS = List.of(SUBJECT_TO_TRANSFER_LIST, TRANSFERRED_LIST);

    /** Valid, but SSO has no such workshop (RESULT_CODE 101). */
    public static final String UNKNOWN_WORKSHOP_CODE = "5550001112";
    /** SSO answers HTTP 500, for demos of 502. */
    public static final String FAILING_WORKSHOP_CODE = "9000000009";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public SsoSimulator() {
        super(new AgencyCode("SSO"), LIST_PATH);
    }

    @Override
    protected void stub(WireMockServer server, String path) {
        server.stubFor(post(urlPathEqualTo(path)).atPriority(10)
                .willReturn(refusal(404, 101, "کارگاه یافت نشد")));
        for (InsuranceList list : LISTS) {
            server.stubFor(workshop(path, list.workshopCode()).atPriority(7)
                    .willReturn(refusal(404, 103, "کارگاه به نام این شناسه ملی و شعبه ثبت نشده است")));
            server.stubFor(workshop(path, list.workshopCode()).atPriority(5)
                    .withRequestBody(matchingJsonPath("$.NATIONAL_ID", equalTo(list.enterpriseNationalId())))
                    .withRequestBody(matchingJsonPath("$.SHOBE_CODE", equalTo(list.branchCode())))
                    .willReturn(refusal(404, 102, "لیستی برای این دوره ارسال نشده است")));
            server.stubFor(workshop(path, list.workshopCode()).atPriority(1)
                    .withRequestBody(matchingJsonPath("$.NATIONAL_ID", equalTo(list.enterpriseNationalId())))
                    .withRequestBody(matchingJsonPath("$.SHOBE_CODE", equalTo(list.branchCode())))
                    .withRequestBody(matchingJsonPath("$.LIST_YEAR", equalTo(String.valueOf(list.year()))))
                    .withRequestBody(matchingJsonPath("$.LIST_MONTH", equalTo(String.valueOf(list.month()))))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                            .withBody(JSON.writeValueAsString(found(list)))));
        }
        server.stubFor(workshop(path, FAILING_WORKSHOP_CODE).atPriority(1)
                .willReturn(refusal(500, 500, "خطای داخلی سامانه")));
    }

    private static MappingBuilder workshop(String path, String workshopCode) {
        return post(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.KARGAH_CODE", equalTo(workshopCode)));
    }

    private static Map<String, Object> found(InsuranceList list) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RESULT_CODE", 0);
        body.put("RESULT_MSG", "OK");
        body.put("KARGAH_CODE", list.workshopCode());
        body.put("KARGAH_NAME", list.workshopName());
        body.put("LIST_YEAR", list.year());
        body.put("LIST_MONTH", list.month());
        body.put("LIST_NO", "01");
        body.put("LIST_SEND_DATE", list.sentDate());
        body.put("WORKERS", list.workers().stream().map(SsoSimulator::worker).toList());
        return body;
    }

    private static Map<String, Object> worker(Worker w) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("DSW_ID1", w.insuranceNumber());
        row.put("DSW_FNAME", w.firstName());
        row.put("DSW_LNAME", w.lastName());
        row.put("DSW_DNAME", w.fatherName());
        row.put("PER_NATCOD", w.nationalCode());
        row.put("DSW_DD", w.daysWorked());
        row.put("DSW_MASH", w.wage());
        row.put("DSW_TOTL", w.wage());
        row.put("DSW_BIME", w.premium());
        row.put("DSW_JOB", "کارگر ساده");
        return row;
    }

    private static ResponseDefinitionBuilder refusal(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(JSON.writeValueAsString(Map.of("RESULT_CODE", code, "RESULT_MSG", message)));
    }
}
