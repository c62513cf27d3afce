package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.adapters.simulator.IpoSimulator;
import ir.nix.adapters.simulator.NocrSimulator;
import ir.nix.adapters.simulator.PostSimulator;
import ir.nix.adapters.simulator.SsoSimulator;
import ir.nix.it.rest.client.ApiClient;
import ir.nix.it.rest.client.ApiException;
import ir.nix.it.rest.client.api.InquiriesApi;
import ir.nix.it.rest.client.model.IdentityReply;
import ir.nix.it.rest.client.model.IdentityRequest;
import ir.nix.it.rest.client.model.InsuranceListPersonsItem;
import ir.nix.it.rest.client.model.InsuranceListReply;
import ir.nix.it.rest.client.model.InsuranceListRequest;
import ir.nix.it.rest.client.model.PostalAddressReply;
import ir.nix.it.rest.client.model.PostalAddressRequest;
import ir.nix.it.rest.client.model.PrivatizationStatusData;
import ir.nix.it.rest.client.model.PrivatizationStatusReply;
import ir.nix.it.rest.client.model.PrivatizationStatusRequest;
import ir.nix.it.rest.client.model.ShahkarReply;
import ir.nix.it.rest.client.model.ShahkarRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bus through a REST client nobody here wrote: openapi-generator's java client (native library,
 * default options) generated at build time from {@code src/contract/nix-openapi.json}, which
 * {@link ContractFilesTest} holds to what the bus serves. The models are typed: {@code Boolean
 * matched}, {@code Integer year} (an {@code int32} input), {@code Long paymentYear} (an {@code int64} reply
 * item, as the WSDL's {@code xs:long}), {@code List<InsuranceListPersonsItem> persons}, enumerations.
 */
class GeneratedRestClientTest extends BusUnderTest {

    private InquiriesApi inquiries() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        return new InquiriesApi(client);
    }

    @Test
    void asksShahkarWithTypedModels() throws ApiException {
        ShahkarReply reply = inquiries().shahkar(new ShahkarRequest().nationalCode("0499370899").mobile("09121234567"),
                "MOE", null, null);

        Boolean matched = reply.getData().getMatched();
        assertThat(matched).isTrue();
        assertThat(reply.getTrackingId()).isNotNull();
    }

    @Test
    void asksPostalAddress() throws ApiException {
        PostalAddressReply reply = inquiries().postalAddress(
                new PostalAddressRequest().postalCode(PostSimulator.TEHRAN_POSTAL_CODE), "IRCS", null, null);

        assertThat(reply.getData().getProvince()).isNotBlank();
    }

    @Test
    void asksIdentity() throws ApiException {
        NocrSimulator.Person person = NocrSimulator.LIVING;

        IdentityReply reply = inquiries().identity(new IdentityRequest().nationalCode(person.nationalCode())
                .birthDate(person.birthDate().toString()), "CBI", null, null);

        Boolean alive = reply.getData().getAlive();
        assertThat(alive).isTrue();
        assertThat(reply.getData().getFirstName()).isEqualTo(person.firstName());
    }

    @Test
    void asksInsuranceListWithNumbersForThePeriod() throws ApiException {
        SsoSimulator.InsuranceList list = SsoSimulator.SUBJECT_TO_TRANSFER_LIST;
        Integer year = list.year();

        InsuranceListReply reply = inquiries().insuranceList(new InsuranceListRequest()
                .enterpriseNationalId(list.enterpriseNationalId()).workshopCode(list.workshopCode())
                .branchCode(list.branchCode()).year(year).month(list.month()), "IPO", null, null);

        List<InsuranceListPersonsItem> persons = reply.getData().getPersons();
        assertThat(persons).isNotEmpty();
        Long paymentYear = persons.get(0).getPaymentYear();
        assertThat(paymentYear).isEqualTo(year.longValue());
    }

    @Test
    void asksPrivatizationStatusWithAnEnumeratedStatus() throws ApiException {
        PrivatizationStatusReply reply = inquiries().privatizationStatus(
                new PrivatizationStatusRequest().enterpriseNationalId(IpoSimulator.SUBJECT_TO_TRANSFER.nationalId()),
                "IPO", null, null);

        assertThat(reply.getData().getStatus()).isEqualTo(PrivatizationStatusData.StatusEnum.SUBJECT_TO_TRANSFER);
    }
}
