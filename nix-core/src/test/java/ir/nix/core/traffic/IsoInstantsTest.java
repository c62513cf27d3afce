package ir.nix.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written ISO-8601 codec writes and reads exactly what the JDK does. */
class IsoInstantsTest {

    private static final DateTimeFormatter MICROS = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void writesAndReadsAsTheJdkForAMillionInstants() {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 1_000_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L - 100, 253_402_300_800L + 100);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String jdk = instant.toString();
            assertThat(IsoInstants.format(instant)).isEqualTo(jdk);
            assertThat(IsoInstants.parse(jdk)).isEqualTo(instant);
            assertThat(IsoInstants.formatMicros(instant)).isEqualTo(MICROS.format(instant.truncatedTo(ChronoUnit.MICROS)));
        }
    }

    @Test
    void writesTheEdgesOfItsRangeAsTheJdk() {
        for (Instant instant : new Instant[] {Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("2024-02-29T12:00:00.000001Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("+10000-01-01T00:00:00.000001Z")}) {
            assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
            assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
            assertThat(IsoInstants.formatMicros(instant)).isEqualTo(MICROS.format(instant.truncatedTo(ChronoUnit.MICROS)));
        }
        for (Instant instant : new Instant[] {Instant.MIN, Instant.MAX}) {
            assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
            assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T10:15:30.1Z", "2026-11-23T10:15:30.12Z", "2026-11-23T10:15:30.1234Z",
            "2026-11-23T10:15:30.12345678Z", "2026-11-23T10:15:30+00:00", "2026-11-23T23:59:60Z", "2026-11-23T24:00:00Z", "2026-11-23T10:15:30.Z"})
    void readsOtherShapesAsTheJdk(String text) {
        Instant jdk;
        try {
            jdk = Instant.parse(text);
        } catch (DateTimeParseException refused) {
            assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(IsoInstants.parse(text)).isEqualTo(jdk);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:15:30Z", "2026-13-01T10:15:30Z", "2026-00-10T10:15:30Z", "2026-11-00T10:15:30Z",
            "2026-11-23T10:60:30Z", "2026-11-23T10:15:30.1234567890Z", "2026-11-2xT10:15:30Z",
            "2026-11-23 10:15:30Z", "not a time at all...", "2026-11-23T10:15:30"})
    void refusesWhatTheJdkRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
