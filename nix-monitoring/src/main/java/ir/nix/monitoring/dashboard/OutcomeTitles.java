package ir.nix.monitoring.dashboard;

import ir.nix.core.exchange.OutcomeClass;
import ir.nix.core.exchange.OutcomeCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Every outcome code as the dashboard names it, served to the page so that it repeats no code: its class,
 * the English title of its problem document ({@link OutcomeCode#title()}) and a Persian title from
 * {@code outcome-titles_fa.properties}.
 */
final class OutcomeTitles {

    /** @param outcomeClass which rate the code counts towards */
    record Title(OutcomeClass outcomeClass, String fa, String en) {
    }

    private OutcomeTitles() {
    }

    static Map<String, Title> all() {
        Properties persian = persian();
        Map<String, Title> titles = new LinkedHashMap<>();
        for (OutcomeCode code : OutcomeCode.values()) {
            titles.put(code.name(), new Title(code.outcomeClass(), persian.getProperty(code.name()), code.title()));
        }
        return titles;
    }

    private static Properties persian() {
        Properties titles = new Properties();
        try (InputStream in = OutcomeTitles.class.getResourceAsStream("outcome-titles_fa.properties")) {
            if (in != null) {
                titles.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return titles;
    }
}
