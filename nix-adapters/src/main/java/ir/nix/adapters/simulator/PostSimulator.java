package ir.nix.adapters.simulator;

import static ir.nix.adapters.simulator.SoapStubs.element;
import static ir.nix.adapters.simulator.SoapStubs.hasElement;

import com.github.tomakehurst.wiremock.WireMockServer;
import ir.nix.core.agency.AgencyCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Iran Post's GNAF address service, simulated: SOAP 1.1 as in {@code wsdl/post-gnaf.wsdl}, document/literal,
 * {@code GetAddressByPostcode} answering a result with an {@code ErrorCode}. The postal codes below have
 * addresses; any other valid postal code is answered with ErrorCode 1 (no address), and one postal code
 * stands for a GNAF outage (a {@code soap:Server} fault).
 */
@Component
public class PostSimulator extends AgencySimulator {

    public static final String NAMESPACE = "http://gnaf.post.ir/services/address/v1";
    static final String SERVICE_PATH = "/GNAF/AddressService.asmx";
    static final String SOAP_ACTION = NAMESPACE + "/GetAddressByPostcode";

    /** An address as GNAF keeps it; null fields are absent from the reply. */
    public record GnafRecord(String province, String township, String localityType, String localityName,
                             String subLocality, String preAvenue, String avenue, String alley, String houseNumber,
                             String floor, String sideFloor, String buildingName, String description) {
    }

    /** A flat in Tehran's Yousefabad: the postal-address service's demo example. */
    public static final String TEHRAN_POSTAL_CODE = "1193653471";
    public static final String ISFAHAN_POSTAL_CODE = "8173955551";
    public static final String SHIRAZ_POSTAL_CODE = "7134767681";
    /** A village house: no street, alley, floor or unit. */
    public static final String RURAL_POSTAL_CODE = "9391745813";
    /** Valid, but GNAF has no address for it (ErrorCode 1). */
    public static final String UNKNOWN_POSTAL_CODE = "1458736914";
    /** Valid; GNAF answers with a {@code soap:Server} fault, for demos of 502. */
    public static final String FAILING_POSTAL_CODE = "6617394851";

    /** Synthetic addresses in real places, by postal code. */
    public static final Map<String, GnafRecord> ADDRESSES = addresses();

    private static Map<String, GnafRecord> addresses() {
        Map<String, GnafRecord> addresses = new LinkedHashMap<>();
        addresses.put(TEHRAN_POSTAL_CODE, new GnafRecord("تهران", "تهران", "شهر", "تهران", "یوسف‌آباد",
                "خیابان سید جمال‌الدین اسدآبادی", "خیابان بیست و یکم", "کوچه نسترن", "14", "3", "7",
                "ساختمان نگین", "ضلع شمالی، زنگ دوم"));
        addresses.put(ISFAHAN_POSTAL_CODE, new GnafRecord("اصفهان", "اصفهان", "شهر", "اصفهان", "جلفا",
                "خیابان نظر شرقی", "خیابان خاقانی", "کوچه ارغوان", "28", "1", "2", "مجتمع مهرگان", null));
        addresses.put(SHIRAZ_POSTAL_CODE, new GnafRecord("فارس", "شیراز", "شهر", "شیراز", "قصردشت",
                "بلوار چمران", "خیابان ملاصدرا", "کوچه ۱۲", "5", "همکف", null, null, "درب سبز"));
        addresses.put(RURAL_POSTAL_CODE, new GnafRecord("خراسان رضوی", "نیشابور", "روستا", "فیروزآباد", null,
                null, "جاده اصلی روستا", null, "112", null, null, null, "جنب مسجد جامع"));
        return Map.copyOf(addresses);
    }

    public PostSimulator() {
        super(new AgencyCode("POST"), SERVICE_PATH);
    }

    @Override
    protected void stub(WireMockServer server, String path) {
        SoapStubs.serveWsdl(server, path, "wsdl/post-gnaf.wsdl");
        server.stubFor(SoapStubs.operation(path, SOAP_ACTION).atPriority(10)
                .willReturn(SoapStubs.reply(result(1, "آدرسی برای این کد پستی ثبت نشده است", null, null))));
        ADDRESSES.forEach((postalCode, address) -> server.stubFor(SoapStubs.operation(path, SOAP_ACTION).atPriority(1)
                .withRequestBody(hasElement(NAMESPACE, "PostCode", postalCode))
                .willReturn(SoapStubs.reply(result(0, null, postalCode, address)))));
        server.stubFor(SoapStubs.operation(path, SOAP_ACTION).atPriority(1)
                .withRequestBody(hasElement(NAMESPACE, "PostCode", FAILING_POSTAL_CODE))
                .willReturn(SoapStubs.fault("Server", "GNAF database is temporarily unavailable", "")));
    }

    private static String result(int errorCode, String message, String postalCode, GnafRecord address) {
        return "<GetAddressByPostcodeResponse xmlns=\"" + NAMESPACE + "\"><GetAddressByPostcodeResult>"
                + element("ErrorCode", errorCode) + element("ErrorMessage", message)
                + element("TraceId", "GNAF-SIM-" + errorCode)
                + (address == null ? "" : address(postalCode, address))
                + "</GetAddressByPostcodeResult></GetAddressByPostcodeResponse>";
    }

    private static String address(String postalCode, GnafRecord a) {
        return "<Address>" + element("PostCode", postalCode) + element("Province", a.province())
                + element("TownShip", a.township()) + element("LocalityType", a.localityType())
                + element("LocalityName", a.localityName()) + element("SubLocality", a.subLocality())
                + element("PreAvenue", a.preAvenue()) + element("Avenue", a.avenue()) + element("Alley", a.alley())
                + element("HouseNumber", a.houseNumber()) + element("Floor", a.floor())
                + element("SideFloor", a.sideFloor()) + element("BuildingName", a.buildingName())
                + element("Description", a.description()) + "</Address>";
    }
}
