package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.adapters.simulator.IpoSimulator;
import ir.nix.adapters.simulator.PostSimulator;
import ir.nix.adapters.simulator.SsoSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The 26th-session resolutions (1400/08/18, letter 127551/200), grant by grant, over real HTTP: the
 * granted consumer receives exactly the granted items, and any other consumer is refused NO_GRANT.
 * (The Relief Foundation's five grants name services the bus does not offer yet: they are in the
 * bundle, and such inquiries are answered 404 UNKNOWN_SERVICE.)
 */
class ResolutionGrantsTest extends BusUnderTest {

    private static final String SHAHKAR = "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}";

    static Stream<Arguments> grants() {
        SsoSimulator.InsuranceList list = SsoSimulator.SUBJECT_TO_TRANSFER_LIST;
        String insuranceList = "{\"enterpriseNationalId\":\"" + list.enterpriseNationalId() + "\",\"workshopCode\":\""
                + list.workshopCode() + "\",\"branchCode\":\"" + list.branchCode() + "\",\"year\":" + list.year()
                + ",\"month\":" + list.month() + "}";
        return Stream.of(
                Arguments.of("wg26-ircs-postal-address", "IRCS", "postal-address",
                        "{\"postalCode\":\"" + PostSimulator.TEHRAN_POSTAL_CODE + "\"}",
                        Set.of("province", "city", "locality", "street", "alley", "plaque", "floor", "unit", "buildingName",
                                "description")),
                Arguments.of("wg26-moe-shahkar", "MOE", "shahkar", SHAHKAR, Set.of("matched")),
                Arguments.of("wg26-ihio-shahkar", "IHIO", "shahkar", SHAHKAR, Set.of("matched")),
                Arguments.of("wg26-ipo-insurance-list", "IPO", "insurance-list", insuranceList,
                        Set.of("persons.firstName", "persons.lastName", "persons.nationalCode", "persons.insuranceNumber",
                                "persons.daysWorked", "persons.ssoShare", "persons.paymentYear", "persons.paymentMonth",
                                "persons.listSentDate")),
                Arguments.of("wg26-sso-privatization-status", "SSO", "privatization-status",
                        "{\"enterpriseNationalId\":\"" + IpoSimulator.SUBJECT_TO_TRANSFER.nationalId() + "\"}",
                        Set.of("status", "lastExitDate")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grants")
    void givesTheGrantedConsumerExactlyItsItems(String grant, String consumer, String service, String request,
                                                Set<String> items) {
        Reply reply = inquire(service, consumer, request);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(itemsOf(reply.body().path("data"))).containsExactlyInAnyOrderElementsOf(items);
        assertThat(trafficRecord(reply.trackingHeader()).path("grantId").asString()).isEqualTo(grant);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grants")
    void refusesEveryOtherConsumer(String grant, String consumer, String service, String request, Set<String> items) {
        Reply reply = inquire(service, "MSRT", request);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body().path("code").asString()).isEqualTo("NO_GRANT");
        assertThat(reply.raw()).doesNotContain("\"data\"");
    }

    /** Item names as grants write them: nested list items as {@code persons.firstName}. */
    private static List<String> itemsOf(JsonNode data) {
        List<String> items = new ArrayList<>();
        for (String name : data.propertyNames()) {
            JsonNode value = data.get(name);
            if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                value.get(0).propertyNames().forEach(nested -> items.add(name + "." + nested));
            } else {
                items.add(name);
            }
        }
        return items;
    }
}
