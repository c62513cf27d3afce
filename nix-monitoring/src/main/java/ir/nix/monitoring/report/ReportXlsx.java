package ir.nix.monitoring.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An exchange report as an Excel workbook ({@link ReportTable}'s columns, numbers as numbers), written
 * with fastexcel: a spreadsheet program opens it with the Persian names right and no import dialog.
 */
final class ReportXlsx {

    private ReportXlsx() {
    }

    static byte[] write(ExchangeReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "NIX", "1.0");
            Worksheet sheet = workbook.newWorksheet("exchanges");
            List<String> header = ReportTable.header(report);
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().set();
            }
            int r = 1;
            for (ExchangeReport.Row row : report.rows()) {
                List<Object> cells = ReportTable.cells(report, row);
                for (int c = 0; c < cells.size(); c++) {
                    write(sheet, r, c, cells.get(c));
                }
                r++;
            }
            sheet.freezePane(0, 1);
            workbook.finish();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static void write(Worksheet sheet, int row, int column, Object cell) {
        if (cell instanceof Number number) {
            sheet.value(row, column, number);
        } else if (cell != null) {
            sheet.value(row, column, cell.toString());
        }
    }
}
