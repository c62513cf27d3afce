package ir.nix.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.nix.core.agency.AgencyCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A descriptor file binds to a typed descriptor, and a broken one stops the start naming file, line and rule. */
class ServiceDescriptorFilesTest {

    private static ServiceDescriptor read(String folder) {
        return ServiceDescriptorFiles.read(List.of("classpath:descriptors/" + folder + "/*.yml")).get(0);
    }

    @Test
    void bindsEveryPartOfTheDescriptor() {
        ServiceDescriptor parcel = read("good");

        assertThat(parcel.code()).isEqualTo(new ServiceCode("parcel"));
        assertThat(parcel.version()).isEqualTo("2");
        assertThat(parcel.provider()).isEqualTo(new AgencyCode("POST"));
        assertThat(parcel.titleFa()).isEqualTo("وضعیت مرسوله");
        assertThat(parcel.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(parcel.idempotent()).isFalse();
        assertThat(parcel.inputs()).extracting(InputField::type)
                .containsExactly(FieldType.TEXT, FieldType.BOOLEAN, FieldType.ENUM);
        assertThat(parcel.input("kind").orElseThrow().values()).containsExactly("LETTER", "PARCEL");
        assertThat(parcel.dataItems()).containsExactly("delivered", "stops.office", "stops.day");
        assertThat(parcel.outputs().get(1).items()).extracting(OutputItem::type)
                .containsExactly(OutputItem.Type.STRING, OutputItem.Type.JALALI_DATE);
        assertThat(parcel.example().request()).containsEntry("barcode", "RR123456789IR");
    }

    /** Each broken fixture and the whole message its start stops with: the file, the line where there is one, the rule. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "unknown-type   | service descriptor services/parcel\\.yml, line 13: .*unknown input type 'yes-or-no'.*",
            "missing-title  | service descriptor services/parcel\\.yml, line \\d+: 'titles.fa' is required",
            "stray-example  | .*services/parcel\\.yml, line.*example names 'weight', which is not an input.*",
            "misnamed       | .*describes service parcel; name the file parcel\\.yml.*"})
    void refusesABrokenFileNamingFileLineAndRule(String fixture, String message) {
        assertThatThrownBy(() -> read(fixture)).hasMessageMatching(message);
    }

    @Test
    void enforcesTheDescriptorsPatternAndValues() {
        ServiceDescriptor parcel = read("good");

        assertThat(InputValidator.check(parcel, Map.of("barcode", "123")))
                .isEqualTo(new InputCheck.FieldError("barcode", "does not match the pattern ^[A-Z]{2}[0-9]{9}IR$"));
        assertThat(InputValidator.check(parcel, Map.of("barcode", "RR123456789IR", "kind", "BOX")))
                .isEqualTo(new InputCheck.FieldError("kind", "must be one of LETTER, PARCEL"));
        assertThat(InputValidator.check(parcel, Map.of("barcode", "RR123456789IR", "express", "yes")))
                .isEqualTo(new InputCheck.FieldError("express", "must be true or false"));
        assertThat(InputValidator.check(parcel, Map.of("barcode", "RR123456789IR", "express", "true", "kind", "LETTER")))
                .isInstanceOf(InputCheck.Valid.class);
    }
}
