package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.adapters.simulator.NocrSimulator;
import ir.nix.core.identifier.NationalCode;
import ir.nix.it.soap.client.InquiryPort;
import ir.nix.it.soap.client.IdentityReply;
import ir.nix.it.soap.client.IdentityRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** identity over SOAP: NOCR's person inquiry (itself SOAP) behind the bus's SOAP channel. */
class SoapIdentityTest extends SoapClientTest {

    static final NocrSimulator.Person LIVING = NocrSimulator.LIVING;
    /** Valid national code the simulated NOCR answers too slowly. */
    static final String SLOW_NATIONAL_CODE = NationalCode.completing("555666777").value();

    static Map<String, String> fields(String nationalCode, String birthDate) {
        Map<String, String> fields = new HashMap<>();
        fields.put("nationalCode", nationalCode);
        fields.put("birthDate", birthDate);
        return fields;
    }

    Answer<IdentityReply> identity(String consumer, Map<String, String> fields) {
        IdentityRequest request = new IdentityRequest();
        request.setNationalCode(fields.get("nationalCode"));
        request.setBirthDate(fields.get("birthDate"));
        return soap(consumer, InquiryPort::identity, request);
    }

    @Test
    void answersThePersonsIdentity() {
        Answer<IdentityReply> answer = identity("CBI", fields(LIVING.nationalCode(), LIVING.birthDate().toString()));

        assertThat(answer.fault()).isNull();
        assertThat(answer.reply().getFirstName()).isEqualTo(LIVING.firstName());
        assertThat(answer.reply().getLastName()).isEqualTo(LIVING.lastName());
        assertThat(answer.reply().getBirthDate()).isEqualTo(LIVING.birthDate().toString());
        assertThat(answer.reply().isAlive()).isTrue();
        assertThat(answer.reply().getDeathDate()).isNull();
        assertRecorded(answer, "OK", "PERMIT");
    }

    @Test
    void answersDeathForADeceasedPerson() {
        NocrSimulator.Person deceased = NocrSimulator.DECEASED;

        Answer<IdentityReply> answer = identity("CBI", fields(deceased.nationalCode(), deceased.birthDate().toString()));

        assertThat(answer.reply().isAlive()).isFalse();
        assertThat(answer.reply().getDeathDate()).isEqualTo(deceased.deathDate().toString());
    }

    @Test
    void answersNotFoundForAnUnknownPerson() {
        Answer<IdentityReply> answer = identity("CBI", fields(NocrSimulator.UNKNOWN_NATIONAL_CODE, "1360/01/01"));

        assertLikeRest(answer, "NOT_FOUND", "identity", "CBI", fields(NocrSimulator.UNKNOWN_NATIONAL_CODE, "1360/01/01"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "nationalCode, WRONG_CHECK_DIGIT, 1365/04/12",
            "nationalCode, 12345, 1365/04/12",
            "nationalCode, null, 1365/04/12",
            "birthDate, VALID, 1365/13/01",
            "birthDate, VALID, 12-04-1365",
            "birthDate, VALID, null"})
    void refusesInvalidInputNamingTheField(String field, String nationalCode, String birthDate) {
        Map<String, String> fields = fields(nationalCode(nationalCode), birthDate);
        fields.values().removeIf(Objects::isNull);

        Answer<IdentityReply> answer = identity("CBI", fields);

        assertInvalidLikeRest(answer, field, "identity", "CBI", fields);
    }

    /** VALID: a known person's code; WRONG_CHECK_DIGIT: the same code with its check digit changed. */
    private static String nationalCode(String placeholder) {
        String valid = LIVING.nationalCode();
        if ("VALID".equals(placeholder)) {
            return valid;
        }
        if ("WRONG_CHECK_DIGIT".equals(placeholder)) {
            return valid.substring(0, 9) + (char) ('0' + (valid.charAt(9) - '0' + 1) % 10);
        }
        return placeholder;
    }

    @Test
    void refusesAnExpiredGrant() {
        Answer<IdentityReply> answer = identity("IHIO", fields(LIVING.nationalCode(), LIVING.birthDate().toString()));

        assertRecorded(answer, "GRANT_EXPIRED", "DENY");
    }

    @Test
    void answersProviderErrorWhenNocrFails() {
        Map<String, String> fields = fields(NocrSimulator.FAILING_NATIONAL_CODE, "1360/01/01");

        Answer<IdentityReply> answer = identity("CBI", fields);

        assertLikeRest(answer, "PROVIDER_ERROR", "identity", "CBI", fields);
    }

    @Test
    void answersProviderTimeoutWhenNocrIsSlowerThanTimeout() {
        slowProvider("NOCR", SLOW_NATIONAL_CODE);

        Answer<IdentityReply> answer = identity("CBI", fields(SLOW_NATIONAL_CODE, "1360/01/01"));

        assertRecorded(answer, "PROVIDER_TIMEOUT", "PERMIT");
    }
}
