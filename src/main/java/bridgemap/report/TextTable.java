package bridgemap.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for terminals: a heading row, a rule, and aligned columns (numbers to the right).
 * Long cells are cut to the column's limit with an ellipsis so a row stays on one line.
 */
public final class TextTable {

    /** A column: its heading, whether it holds numbers (right-aligned), and its widest allowed cell. */
    public record Column(String heading, boolean numeric, int maxWidth) {

        public static Column text(String heading, int maxWidth) {
            return new Column(heading, false, maxWidth);
        }

        public static Column number(String heading) {
            return new Column(heading, true, 14);
        }
    }

    private final List<Column> columns;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(Column... columns) {
        this.columns = List.of(columns);
    }

    public TextTable row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + columns.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(TextTable::format).toArray(String[]::new));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public void print(PrintWriter out) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).heading().length(); // headings are never cut
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], Math.min(columns.get(c).maxWidth(), row[c].length()));
            }
        }
        String[] headings = columns.stream().map(Column::heading).toArray(String[]::new);
        printRow(out, headings, widths);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.println(rule);
        for (String[] row : rows) {
            printRow(out, row, widths);
        }
    }

    /** Prints the table two spaces in, as a report nests its tables under their headings. */
    public void printIndented(PrintWriter out) {
        StringWriter buffer = new StringWriter();
        print(new PrintWriter(buffer));
        buffer.toString().lines().forEach(line -> out.println("  " + line));
    }

    private void printRow(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String cell = cut(cells[c], widths[c]);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(c == 0 ? "" : "  ").append(columns.get(c).numeric() ? pad + cell : cell + (c == cells.length - 1 ? "" : pad));
        }
        out.println(line.toString().stripTrailing());
    }

    private static String cut(String cell, int width) {
        return cell.length() <= width ? cell : cell.substring(0, Math.max(0, width - 1)) + "…";
    }

    /** Numbers the way a reader wants them: thousands separated, three decimals (three significant figures below 0.1). */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof bridgemap.model.Tally t) {
            return format(t.value());
        }
        if (value instanceof bridgemap.model.PerUnit p) {
            return format(p.value());
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return "–";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.format("%,d", d.longValue());
            }
            // Three decimals, or three significant figures for small values (normalised betweenness is often tiny).
            java.math.BigDecimal decimal = new java.math.BigDecimal(d);
            decimal = Math.abs(d) >= 0.1 ? decimal.setScale(3, java.math.RoundingMode.HALF_UP)
                    : decimal.round(new java.math.MathContext(3, java.math.RoundingMode.HALF_UP));
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Float f) {
            return format(f.doubleValue());
        }
        if (value instanceof Integer || value instanceof Long) {
            return String.format("%,d", ((Number) value).longValue());
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "";
        }
        return value.toString();
    }
}
