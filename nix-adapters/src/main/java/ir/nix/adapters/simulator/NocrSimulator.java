package ir.nix.adapters.simulator;

import static ir.nix.adapters.simulator.SoapStubs.element;
import static ir.nix.adapters.simulator.SoapStubs.hasElement;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import ir.nix.core.agency.AgencyCode;
import ir.nix.core.identifier.NationalCode;
import ir.nix.policy.calendar.JalaliDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The National Organization for Civil Registration's person inquiry, simulated: SOAP 1.1 as in
 * {@code wsdl/nocr-person.wsdl}, {@code GetPersonByNin} with the birth date as a Jalali {@code yyyyMMdd}
 * integer. A known national code with another birth date is answered with fault code 1002, any other
 * valid national code with 1001 (no such person); one national code stands for an NOCR outage.
 */
@Component
public class NocrSimulator extends AgencySimulator {

    public static final String NAMESPACE = "http://services.nocr.ir/person/v1";
    static final String SERVICE_PATH = "/PersonInquiry/PersonInquiryService";
    static final String SOAP_ACTION = NAMESPACE + "/GetPersonByNin";

    /** A person as NOCR keeps them; gender 1 male, 2 female; {@code deathDate} null while alive. */
    public record Person(String nationalCode, String firstName, String lastName, String fatherName, int gender,
                         JalaliDate birthDate, String shenasnameNo, JalaliDate deathDate) {
    }

    /** Alive, male, born in Tehran: the identity service's demo example. */
    public static final Person LIVING = new Person(NationalCode.completing("006842131").value(), "علی", "رضایی",
            "حسن", 1, new JalaliDate(1365, 4, 12), "1254", null);
    public static final Person LIVING_FEMALE = new Person(NationalCode.completing("127034581").value(), "زهرا",
            "احمدی", "محمود", 2, new JalaliDate(1372, 11, 3), "0", null);
    public static final Person DECEASED = new Person(NationalCode.completing("228104567").value(), "حسین", "کریمی",
            "عباس", 1, new JalaliDate(1318, 6, 20), "312", new JalaliDate(1401, 9, 14));
    public static final List<Person> PERSONS = List.of(LIVING, LIVING_FEMALE, DECEASED);

    /** Valid, but NOCR has no such person (fault code 1001). */
    public static final String UNKNOWN_NATIONAL_CODE = NationalCode.completing("001999888").value();
    /** Valid; NOCR answers with a {@code soap:Server} fault, for demos of 502. */
    public static final String FAILING_NATIONAL_CODE = NationalCode.completing("513000987").value();

    static final int NO_SUCH_PERSON = 1001;
    static final int BIRTH_DATE_MISMATCH = 1002;

    public NocrSimulator() {
        super(new AgencyCode("NOCR"), SERVICE_PATH);
    }

    @Override
    protected void stub(WireMockServer server, String path) {
        SoapStubs.serveWsdl(server, path, "wsdl/nocr-person.wsdl");
        server.stubFor(SoapStubs.operation(path, SOAP_ACTION).atPriority(10)
                .willReturn(refusal(NO_SUCH_PERSON, "Person not found", "شماره ملی در پایگاه اطلاعات هویت یافت نشد")));
        for (Person person : PERSONS) {
            server.stubFor(SoapStubs.operation(path, SOAP_ACTION).atPriority(5)
                    .withRequestBody(hasElement(NAMESPACE, "Nin", person.nationalCode()))
                    .willReturn(refusal(BIRTH_DATE_MISMATCH, "Birth date mismatch", "تاریخ تولد با اطلاعات ثبتی مطابقت ندارد")));
            server.stubFor(SoapStubs.operation(path, SOAP_ACTION).atPriority(1)
                    .withRequestBody(hasElement(NAMESPACE, "Nin", person.nationalCode()))
                    .withRequestBody(hasElement(NAMESPACE, "BirthDate", compact(person.birthDate())))
                    .willReturn(SoapStubs.reply(found(person))));
        }
        server.stubFor(SoapStubs.operation(path, SOAP_ACTION).atPriority(1)
                .withRequestBody(hasElement(NAMESPACE, "Nin", FAILING_NATIONAL_CODE))
                .willReturn(SoapStubs.fault("Server", "Identity database connection pool exhausted", "")));
    }

    /** NOCR's legacy integer form of a Jalali date: 1365/04/12 is 13650412. */
    public static String compact(JalaliDate date) {
        return String.format(Locale.ROOT, "%04d%02d%02d", date.year(), date.month(), date.day());
    }

    private static String found(Person p) {
        return "<GetPersonByNinResponse xmlns=\"" + NAMESPACE + "\"><GetPersonByNinResult>"
                + element("Nin", p.nationalCode()) + element("Name", p.firstName()) + element("Family", p.lastName())
                + element("FatherName", p.fatherName()) + element("Gender", p.gender())
                + element("BirthDate", compact(p.birthDate())) + element("ShenasnameNo", p.shenasnameNo())
                + element("ShenasnameSeri", "ج/۱۲") + element("ShenasnameSerial", "456789")
                + element("OfficeCode", p.nationalCode().substring(0, 3))
                + element("DeathStatus", p.deathDate() == null ? 0 : 1)
                + element("DeathDate", p.deathDate() == null ? null : compact(p.deathDate()))
                + "</GetPersonByNinResult></GetPersonByNinResponse>";
    }

    private static ResponseDefinitionBuilder refusal(int code, String faultString, String message) {
        return SoapStubs.fault("Client", faultString, "<PersonInquiryFaultDetail xmlns=\"" + NAMESPACE + "\">"
                + element("ErrorCode", code) + element("ErrorMessage", message) + "</PersonInquiryFaultDetail>");
    }
}
