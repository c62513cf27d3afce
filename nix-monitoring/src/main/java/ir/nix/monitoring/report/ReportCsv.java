package ir.nix.monitoring.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An exchange report as CSV ({@link ReportTable}'s columns): UTF-8 with a byte-order mark, one header row,
 * one row per group. The byte-order mark is what makes LibreOffice Calc and Excel pick UTF-8 for the
 * Persian names without asking (LibreOffice's text import detects the BOM; without it, it guesses the
 * locale's legacy charset); the separator is a comma, which both read by default.
 */
final class ReportCsv {

    static final String BOM = "\uFEFF";

    private ReportCsv() {
    }

    static byte[] write(ExchangeReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Integer> places = ReportTable.places(report);
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            writer.write(BOM);
            csv.printRecord(ReportTable.header(report));
            for (ExchangeReport.Row row : report.rows()) {
                csv.printRecord(text(ReportTable.cells(report, row), places));
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static List<String> text(List<Object> cells, List<Integer> places) {
        List<String> text = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            Object cell = cells.get(i);
            if (cell == null) {
                text.add("");
            } else if (cell instanceof Double value) {
                text.add(String.format(Locale.ROOT, "%." + places.get(i) + "f", value));
            } else {
                text.add(cell.toString());
            }
        }
        return text;
    }
}
