package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.adapters.simulator.PostSimulator;
import ir.nix.it.soap.client.InquiryPort;
import ir.nix.it.soap.client.PostalAddressReply;
import ir.nix.it.soap.client.PostalAddressRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** postal-address over SOAP: Iran Post's GNAF (itself SOAP) behind the bus's SOAP channel. */
class SoapPostalAddressTest extends SoapClientTest {

    /** Valid postal code the simulated GNAF answers too slowly. */
    static final String SLOW_POSTAL_CODE = "1349167891";

    Answer<PostalAddressReply> postalAddress(String consumer, String postalCode) {
        PostalAddressRequest request = new PostalAddressRequest();
        request.setPostalCode(postalCode);
        return soap(consumer, InquiryPort::postalAddress, request);
    }

    @Test
    void answersTheWholeAddressTheGrantAllows() {
        PostSimulator.GnafRecord tehran = PostSimulator.ADDRESSES.get(PostSimulator.TEHRAN_POSTAL_CODE);

        Answer<PostalAddressReply> answer = postalAddress("IRCS", PostSimulator.TEHRAN_POSTAL_CODE);

        assertThat(answer.fault()).isNull();
        assertThat(answer.reply().getProvince()).isEqualTo(tehran.province());
        assertThat(answer.reply().getBuildingName()).isEqualTo(tehran.buildingName());
        assertThat(answer.reply().getDescription()).isEqualTo(tehran.description());
        assertRecorded(answer, "OK", "PERMIT");
    }

    @Test
    void leavesOutWhatTheGrantDoesNotAllow() {
        Answer<PostalAddressReply> answer = postalAddress("CBI", PostSimulator.ISFAHAN_POSTAL_CODE);

        assertThat(answer.reply().getProvince()).isNotBlank();
        assertThat(answer.reply().getBuildingName()).isNull();
        assertThat(answer.reply().getDescription()).isNull();
        assertThat(answer.reply().getLocality()).isNull();
        assertRecorded(answer, "OK", "PERMIT");
    }

    @Test
    void leavesOutWhatTheProviderDoesNotHold() {
        Answer<PostalAddressReply> answer = postalAddress("IRCS", PostSimulator.RURAL_POSTAL_CODE);

        assertThat(answer.reply().getCity()).isNotBlank();
        assertThat(answer.reply().getAlley()).isNull();
        assertThat(answer.reply().getFloor()).isNull();
    }

    @Test
    void answersNotFoundForAPostalCodeWithoutAddress() {
        Answer<PostalAddressReply> answer = postalAddress("IRCS", PostSimulator.UNKNOWN_POSTAL_CODE);

        assertRecorded(answer, "NOT_FOUND", "PERMIT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1193653470x", "0193653471", "12345", ""})
    void refusesInvalidPostalCodeNamingIt(String postalCode) {
        Answer<PostalAddressReply> answer = postalAddress("IRCS", postalCode);

        assertInvalidLikeRest(answer, "postalCode", "postal-address", "IRCS", Map.of("postalCode", postalCode));
    }

    @Test
    void answersProviderErrorWhenGnafFails() {
        Answer<PostalAddressReply> answer = postalAddress("IRCS", PostSimulator.FAILING_POSTAL_CODE);

        assertLikeRest(answer, "PROVIDER_ERROR", "postal-address", "IRCS",
                Map.of("postalCode", PostSimulator.FAILING_POSTAL_CODE));
    }

    @Test
    void answersProviderTimeoutWhenGnafIsSlowerThanTimeout() {
        slowProvider("POST", SLOW_POSTAL_CODE);

        Answer<PostalAddressReply> answer = postalAddress("IRCS", SLOW_POSTAL_CODE);

        assertRecorded(answer, "PROVIDER_TIMEOUT", "PERMIT");
    }

    @Test
    void refusesOverQuotaTellingWhenToRetry() {
        // Sent at once, so that more than the grant's 5 a second arrive within one second however busy the machine.
        List<CompletableFuture<Answer<PostalAddressReply>>> burst = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(10);
        try {
            for (int i = 0; i < 20; i++) {
                burst.add(CompletableFuture.supplyAsync(() -> postalAddress("CBI", PostSimulator.SHIRAZ_POSTAL_CODE), callers));
            }
        } finally {
            callers.shutdown();
        }

        Answer<PostalAddressReply> refused = burst.stream().map(CompletableFuture::join)
                .filter(answer -> "QUOTA_EXCEEDED".equals(answer.code())).findFirst().orElseThrow();
        assertRecorded(refused, "QUOTA_EXCEEDED", "DENY");
        assertThat(refused.fault().getFaultInfo().getRetryAfterSeconds()).isPositive();
    }
}
