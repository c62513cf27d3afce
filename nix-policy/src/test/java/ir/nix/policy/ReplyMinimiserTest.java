package ir.nix.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyMinimiserTest {

    /** Full replies of the five bus services, with every item present. */
    static final Map<String, Map<String, Object>> REPLIES = Map.of(
            "shahkar", reply("matched", true),
            "postal-address", reply("province", "تهران", "city", "تهران", "locality", "ونک", "street", "ملاصدرا",
                    "alley", "شیراز", "plaque", "12", "floor", "3", "unit", "7", "buildingName", "آفتاب",
                    "description", "جنب بانک"),
            "identity", reply("firstName", "علی", "lastName", "رضایی", "fatherName", "حسن", "gender", "MALE",
                    "birthDate", "1360/01/15", "alive", true, "deathDate", null),
            "insurance-list", reply("persons", List.of(person("علی", "0012345678"), person("مریم", "0087654321"))),
            "privatization-status", reply("enterpriseName", "شرکت نمونه", "status", "SUBJECT_TO_TRANSFER",
                    "lastEntryDate", "1400/02/01", "lastExitDate", null,
                    "history", List.of(reply("entryDate", "1399/01/10", "exitDate", "1399/06/01"))));

    static Stream<Arguments> everyItemOfEveryService() {
        return Stream.of(
                items("shahkar", TestVocabulary.SHAHKAR),
                items("postal-address", TestVocabulary.POSTAL_ADDRESS),
                items("identity", TestVocabulary.IDENTITY),
                items("privatization-status", List.of("enterpriseName", "status", "lastEntryDate", "lastExitDate")))
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyItemOfEveryService")
    void keepsOnlyTheGrantedItem(String service, String item) {
        Map<String, Object> minimised = ReplyMinimiser.minimise(REPLIES.get(service), Set.of(item));

        assertThat(minimised).containsOnlyKeys(item).containsEntry(item, REPLIES.get(service).get(item));
    }

    static Stream<String> everyInsuranceListItem() {
        return TestVocabulary.INSURANCE_LIST.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyInsuranceListItem")
    void keepsTheGrantedItemInEveryPersonOfTheInsuranceList(String item) {
        String key = item.substring("persons.".length());

        Map<String, Object> minimised = ReplyMinimiser.minimise(REPLIES.get("insurance-list"), Set.of(item));

        assertThat(personsOf(minimised)).hasSize(2).allSatisfy(person -> assertThat(person).containsOnlyKeys(key));
    }

    @Test
    void leavesUngrantedItemsAbsentRatherThanNull() {
        Map<String, Object> minimised = ReplyMinimiser.minimise(REPLIES.get("identity"), Set.of("firstName", "alive"));

        assertThat(minimised).containsOnlyKeys("firstName", "alive").doesNotContainKey("lastName");
    }

    @Test
    void keepsAGrantedItemWhoseValueIsNull() {
        Map<String, Object> minimised = ReplyMinimiser.minimise(REPLIES.get("identity"), Set.of("deathDate"));

        assertThat(minimised).containsEntry("deathDate", null);
    }

    @Test
    void keepsTheResolutionsInsuranceListItemsAndDropsNoOtherPersonItem() {
        Map<String, Object> reply = reply("persons", List.of(reply("firstName", "علی", "nationalCode", "0012345678",
                "workshopAddress", "تهران")));

        Map<String, Object> minimised = ReplyMinimiser.minimise(reply, Set.of("persons.firstName", "persons.nationalCode"));

        assertThat(personsOf(minimised)).singleElement()
                .satisfies(person -> assertThat(person).containsOnlyKeys("firstName", "nationalCode"));
    }

    @Test
    void grantsWholeElementsForTheBareListName() {
        Map<String, Object> minimised = ReplyMinimiser.minimise(REPLIES.get("insurance-list"), Set.of("persons"));

        assertThat(minimised).isEqualTo(REPLIES.get("insurance-list"));
    }

    @Test
    void grantsTheWholePrivatizationHistoryForTheBareName() {
        Map<String, Object> minimised = ReplyMinimiser.minimise(REPLIES.get("privatization-status"),
                Set.of("status", "history"));

        assertThat(minimised).containsOnlyKeys("status", "history")
                .containsEntry("history", REPLIES.get("privatization-status").get("history"));
    }

    @Test
    void keepsOnlyTheGrantedItemOfEachHistoryEntry() {
        Map<String, Object> minimised = ReplyMinimiser.minimise(REPLIES.get("privatization-status"),
                Set.of("history.entryDate"));

        assertThat(minimised).containsOnlyKeys("history");
        assertThat((List<?>) minimised.get("history")).singleElement()
                .isEqualTo(Map.of("entryDate", "1399/01/10"));
    }

    @Test
    void minimisesNestedMapsToTheGrantedInnerItems() {
        Map<String, Object> reply = reply("enterprise", reply("name", "شرکت نمونه", "registeredCapital", 1000));

        Map<String, Object> minimised = ReplyMinimiser.minimise(reply, Set.of("enterprise.name"));

        assertThat(minimised).isEqualTo(Map.of("enterprise", Map.of("name", "شرکت نمونه")));
    }

    @Test
    void dropsAScalarGrantedOnlyByInnerItems() {
        Map<String, Object> minimised = ReplyMinimiser.minimise(reply("status", "ACTIVE"), Set.of("status.code"));

        assertThat(minimised).isEmpty();
    }

    @Test
    void preservesTheProvidersKeyOrder() {
        Map<String, Object> minimised = ReplyMinimiser.minimise(REPLIES.get("postal-address"),
                Set.of("unit", "province", "street"));

        assertThat(minimised).containsExactly(Map.entry("province", "تهران"), Map.entry("street", "ملاصدرا"),
                Map.entry("unit", "7"));
    }

    @Test
    void keepsNothingWhenNothingIsGranted() {
        assertThat(ReplyMinimiser.minimise(REPLIES.get("identity"), Set.of())).isEmpty();
    }

    @Test
    void minimisesToThePermitsItems() {
        Decision.Permit permit = new Decision.Permit("g", "WG-26/1400-08-18", Set.of("matched"), List.of(),
                new BundleIdentity("1", "abc"));

        assertThat(ReplyMinimiser.minimise(reply("matched", true, "mobile", "09120000000"), permit))
                .containsOnlyKeys("matched");
    }

    private static Stream<Arguments> items(String service, List<String> items) {
        return items.stream().map(item -> Arguments.of(service, item));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> personsOf(Map<String, Object> reply) {
        return (List<Map<String, Object>>) reply.get("persons");
    }

    private static Map<String, Object> person(String firstName, String nationalCode) {
        return reply("firstName", firstName, "lastName", "رضایی", "nationalCode", nationalCode,
                "insuranceNumber", "1234567890", "daysWorked", 30, "ssoShare", 12_500_000, "paymentYear", 1403,
                "paymentMonth", 6, "listSentDate", "1403/07/10");
    }

    /** A reply map in the given key order; values may be null. */
    static Map<String, Object> reply(Object... keysAndValues) {
        Map<String, Object> reply = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            reply.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return reply;
    }
}
