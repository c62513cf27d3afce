package ir.nix.core.publication;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.service.ServiceCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PublishedEntriesTest {

    private static final FeedDescriptor IDENTITY_CHANGES = new FeedDescriptor(new ServiceCode("identity-changes"), "1",
            new AgencyCode("NOCR"), "Identity changes", "تغییرات هویتی", "test", "daily", Optional.of("nationalCode"),
            List.of(new FeedItem("changeDate", FeedItem.Type.JALALI_DATE, true, "date of the change", null)));
    private final PublishedEntries reader = new PublishedEntries(JsonMapper.builder().build(), 3);

    @Test
    void readsTheDeclaredItemsAndDropsTheRest() {
        PublishedEntries.Result result = read("{\"entries\":[{\"nationalCode\":\"0068421311\",\"changeDate\":\"1404/05/01\","
                + "\"firstName\":\"علی\"}]}");

        assertThat(result).isInstanceOfSatisfying(PublishedEntries.Result.Read.class, read ->
                assertThat(read.entries()).singleElement().satisfies(entry ->
                        assertThat(entry).containsOnlyKeys("nationalCode", "changeDate")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"entries\":[{\"nationalCode\":\"0068421312\",\"changeDate\":\"1404/05/01\"}]}|entry 1: 'nationalCode' must be a valid national code",
            "{\"entries\":[{\"nationalCode\":\"0068421311\"}]}|entry 1: 'changeDate' is required",
            "{\"entries\":[{\"nationalCode\":\"0068421311\",\"changeDate\":\"1404/13/01\"}]}|entry 1: 'changeDate' must be a Jalali date yyyy/MM/dd",
            "{\"entries\":{}}|the body must be an object with an array 'entries'",
            "{\"entries\":[1,2,3,4]}|more than 3 entries",
            "not json 0068421311|the body is not JSON"})
    void refusesAPublicationNamingTheEntryAndFieldButNoValue(String body, String reason) {
        assertThat(read(body)).isEqualTo(new PublishedEntries.Result.Refused(reason));
        assertThat(reason).doesNotContain("0068421311");
    }

    private PublishedEntries.Result read(String body) {
        return reader.read(IDENTITY_CHANGES, body.getBytes(StandardCharsets.UTF_8));
    }
}
