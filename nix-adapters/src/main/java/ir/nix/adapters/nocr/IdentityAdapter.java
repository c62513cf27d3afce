package ir.nix.adapters.nocr;

import ir.nix.adapters.nocr.person.PersonInfo;
import ir.nix.adapters.nocr.person.PersonInquiryFault;
import ir.nix.adapters.nocr.person.PersonInquiryFaultDetail;
import ir.nix.adapters.nocr.person.PersonInquiryPort;
import ir.nix.adapters.soap.SoapEndpointAdapter;
import ir.nix.adapters.soap.SoapProviderClients;
import ir.nix.core.agency.AgencyCode;
import ir.nix.core.identifier.NationalCode;
import ir.nix.core.provider.ProviderCall;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.provider.ProviderResult;
import ir.nix.core.service.ServiceCode;
import ir.nix.policy.calendar.JalaliDate;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Identity of a natural person from the National Organization for Civil Registration (NOCR): SOAP
 * ({@code wsdl/nocr-person.wsdl}), client generated at build time. NOCR takes the national code and the
 * birth date as a Jalali {@code yyyyMMdd} integer, and refuses with a declared fault carrying an error code.
 *
 * <p>A birth date that does not match is a {@link ProviderResult.NotFound} like an unknown national code,
 * told apart only by its detail, which never carries either date: the caller learns that the pair is wrong,
 * not what NOCR holds. Identity-card particulars (shenasname number and series, issuing office) are not
 * items of this service and are dropped.
 */
@Component
public class IdentityAdapter extends SoapEndpointAdapter<PersonInquiryPort> {

    static final ServiceCode SERVICE = new ServiceCode("identity");
    static final AgencyCode NOCR = new AgencyCode("NOCR");
    static final String SERVICE_PATH = "/PersonInquiry/PersonInquiryService";
    private static final int NO_SUCH_PERSON = 1001;
    private static final int BIRTH_DATE_MISMATCH = 1002;
    private static final int MALFORMED_NIN = 1003;
    private static final int MALE = 1;
    private static final int FEMALE = 2;
    private static final int DECEASED = 1;

    public IdentityAdapter(ProviderEndpoints endpoints, SoapProviderClients soap) {
        super(SERVICE, NOCR, SERVICE_PATH, endpoints, soap, PersonInquiryPort.class);
    }

    @Override
    protected ProviderResult call(URI uri, ProviderCall call) {
        String nin = call.input().get("nationalCode", NationalCode.class).value();
        int birthDate = compact(call.input().get("birthDate", JalaliDate.class));
        return callPort(uri, call, port -> {
            try {
                return read(port.getPersonByNin(nin, birthDate, call.consumer().value(), call.trackingId().toString()));
            } catch (PersonInquiryFault refused) {
                return refusal(refused.getFaultInfo());
            }
        });
    }

    private static ProviderResult read(PersonInfo person) {
        if (person == null) {
            return new ProviderResult.Failed("NOCR reply could not be read");
        }
        Optional<String> gender = gender(person.getGender());
        Optional<JalaliDate> birthDate = jalali(person.getBirthDate());
        boolean alive = person.getDeathStatus() != DECEASED;
        Optional<JalaliDate> deathDate = alive || person.getDeathDate() == null ? Optional.empty() : jalali(person.getDeathDate());
        if (gender.isEmpty() || birthDate.isEmpty() || !alive && person.getDeathDate() != null && deathDate.isEmpty()) {
            return new ProviderResult.Failed("NOCR reply holds a value outside its contract");
        }
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("firstName", person.getName());
        items.put("lastName", person.getFamily());
        items.put("fatherName", person.getFatherName());
        items.put("gender", gender.get());
        items.put("birthDate", birthDate.get().toString());
        items.put("alive", alive);
        items.put("deathDate", deathDate.map(JalaliDate::toString).orElse(null));
        return new ProviderResult.Answered(items);
    }

    private static ProviderResult refusal(PersonInquiryFaultDetail fault) {
        int code = fault == null ? -1 : fault.getErrorCode();
        return switch (code) {
            case NO_SUCH_PERSON -> new ProviderResult.NotFound("NOCR holds no person with this national code");
            case BIRTH_DATE_MISMATCH -> new ProviderResult.NotFound("the birth date does not match NOCR's record of the person");
            case MALFORMED_NIN -> new ProviderResult.Rejected("NOCR refused the national code (NOCR code 1003)");
            default -> new ProviderResult.Failed("NOCR answered with error code " + code);
        };
    }

    private static Optional<String> gender(int code) {
        return switch (code) {
            case MALE -> Optional.of("MALE");
            case FEMALE -> Optional.of("FEMALE");
            default -> Optional.empty();
        };
    }

    /** NOCR writes Jalali dates as the integer yyyyMMdd. */
    static int compact(JalaliDate date) {
        return date.year() * 10_000 + date.month() * 100 + date.day();
    }

    static Optional<JalaliDate> jalali(int compact) {
        try {
            return Optional.of(new JalaliDate(compact / 10_000, compact / 100 % 100, compact % 100));
        } catch (IllegalArgumentException notADate) {
            return Optional.empty();
        }
    }
}
