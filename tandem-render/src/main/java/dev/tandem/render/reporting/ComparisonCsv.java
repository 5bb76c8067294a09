package dev.tandem.render.reporting;

import dev.tandem.render.TextRenderer;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.TimeBasis;
import dev.tandem.reporting.comparison.FieldRow;
import dev.tandem.reporting.comparison.TimingRow;
import dev.tandem.usecase.reporting.ComparisonResult;
import java.io.PrintWriter;
import java.util.List;

/**
 * One table of the comparison as CSV, for spreadsheets: the field matrix or the timing table. Rows
 * are plain data, so the catalog fingerprint is not printed here (the other formats carry it).
 */
public final class ComparisonCsv implements TextRenderer<ComparisonResult> {

    /** Which table. */
    public enum Table {
        /** One row per field, one column per framework; cells "stage: source [tag]". */
        FIELDS,
        /** One row per stage: period, basis, clock start, in force, source, confidence. */
        TIMING
    }

    private final Table table;

    public ComparisonCsv(Table table) {
        this.table = table;
    }

    @Override
    public String mediaType() {
        return "text/csv";
    }

    @Override
    public void render(ComparisonResult c, PrintWriter out) {
        out.print(table == Table.FIELDS ? fields(c) : timing(c));
    }

    private static String fields(ComparisonResult c) {
        StringBuilder out = new StringBuilder("field,label");
        c.frameworks().forEach(f -> out.append(',').append(csv(f.id())));
        out.append('\n');
        for (FieldRow row : c.fields()) {
            out.append(csv(row.field().id())).append(',').append(csv(row.field().label()));
            for (Framework f : c.frameworks()) {
                List<String> cells = row.requiredBy().stream().filter(r -> r.framework().equals(f.id()))
                        .map(r -> r.stage() + ": " + r.source() + " " + r.confidence().tag()).toList();
                out.append(',').append(csv(String.join("; ", cells)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String timing(ComparisonResult c) {
        StringBuilder out = new StringBuilder("framework,jurisdiction,stage,kind,period,basis,clock_start,first_report,in_force,source,confidence\n");
        for (TimingRow t : c.timing()) {
            out.append(String.join(",", csv(t.framework()), csv(t.jurisdiction()), csv(t.stage()), csv(t.kind()),
                    csv(t.period().basis() == TimeBasis.BUSINESS_DAYS ? String.valueOf(t.period().amount()) : t.period().iso()),
                    csv(t.period().basis().key()), csv(t.clockStart()), String.valueOf(t.firstReport()), String.valueOf(t.inForce()),
                    csv(t.source()), csv(t.confidence().letter()))).append('\n');
        }
        return out.toString();
    }

    /** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
    static String csv(String text) {
        if (text == null) {
            return "";
        }
        String value = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
