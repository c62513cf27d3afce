package ir.nix.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The five services the bus offers (architecture brief §3), as nix-core's descriptors will state them. */
public final class TestVocabulary implements ServiceVocabulary {

    public static final List<String> SHAHKAR = List.of("matched");
    public static final List<String> POSTAL_ADDRESS = List.of("province", "city", "locality", "street", "alley",
            "plaque", "floor", "unit", "buildingName", "description");
    public static final List<String> IDENTITY = List.of("firstName", "lastName", "fatherName", "gender", "birthDate",
            "alive", "deathDate");
    public static final List<String> INSURANCE_LIST = List.of("persons.firstName", "persons.lastName",
            "persons.nationalCode", "persons.insuranceNumber", "persons.daysWorked", "persons.ssoShare",
            "persons.paymentYear", "persons.paymentMonth", "persons.listSentDate");
    public static final List<String> PRIVATIZATION_STATUS = List.of("enterpriseName", "status", "lastEntryDate",
            "lastExitDate", "history.entryDate", "history.exitDate");

    public static final TestVocabulary BUS_SERVICES = new TestVocabulary(Map.of(
            "shahkar", new ServiceTerms("shahkar", "CRA", Set.copyOf(SHAHKAR)),
            "postal-address", new ServiceTerms("postal-address", "POST", Set.copyOf(POSTAL_ADDRESS)),
            "identity", new ServiceTerms("identity", "NOCR", Set.copyOf(IDENTITY)),
            "insurance-list", new ServiceTerms("insurance-list", "SSO", Set.copyOf(INSURANCE_LIST)),
            "privatization-status", new ServiceTerms("privatization-status", "IPO",
                    Set.copyOf(PRIVATIZATION_STATUS))));

    /** The three feeds the bus carries, as nix-core's feed descriptors state them. */
    public static final FeedVocabulary BUS_FEEDS = code -> Optional.ofNullable(Map.of(
            "identity-changes", new FeedVocabulary.FeedTerms("identity-changes", "NOCR", Set.of("token", "changeDate")),
            "deaths", new FeedVocabulary.FeedTerms("deaths", "NOCR", Set.of("token", "deathDate")),
            "privatization-list", new FeedVocabulary.FeedTerms("privatization-list", "IPO", Set.of("enterpriseNationalId",
                    "enterpriseName", "status", "lastEntryDate", "lastExitDate"))).get(code));

    private final Map<String, ServiceTerms> services;

    public TestVocabulary(Map<String, ServiceTerms> services) {
        this.services = new LinkedHashMap<>(services);
    }

    /** This vocabulary with one more (or one replaced) service. */
    public TestVocabulary with(ServiceTerms terms) {
        Map<String, ServiceTerms> more = new LinkedHashMap<>(services);
        more.put(terms.code(), terms);
        return new TestVocabulary(more);
    }

    @Override
    public Optional<ServiceTerms> service(String serviceCode) {
        return Optional.ofNullable(services.get(serviceCode));
    }
}
