package bridgemap.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV written for people, who open it in a spreadsheet: RFC 4180, and no cell that a spreadsheet would run as a
 * formula. Every CSV file Bridgemap writes for people — the analysis sections ({@code analyze}, {@code timeline} and
 * {@code plan --format csv}, {@code export --format csv}, {@code GET /api/export?format=csv}) and the Open Referral
 * package — is written through here. Bundles (the backup, {@code pseudonymise}, {@code generate}) are not: they are
 * Bridgemap's own import format and must keep every value exactly.
 *
 * <p>Spreadsheet formula injection (OWASP "CSV Injection"; ASVS 5.0 requirement 1.2.10): Excel, LibreOffice Calc and
 * Google Sheets read a cell that starts with {@code =}, {@code +}, {@code -} or {@code @} (and, in some of them, tab,
 * CR or NUL) as a formula, so a name such as {@code =HYPERLINK("http://attacker.example","x")} or
 * {@code =cmd|' /C calc'!A0} runs on the machine of whoever opens the export. As OWASP recommends, such a text cell is
 * written with a single quote in front, which spreadsheets take as "this is text", and always in double quotes.
 *
 * <p>What is neutralised: every text cell (any value but the numbers below) whose first character is {@code =},
 * {@code +}, {@code -}, {@code @}, tab, CR or NUL, or their full-width forms ({@code ＝ ＋ － ＠}), also when that
 * character comes after leading spaces (any Unicode space, including no-break space, and line breaks), double quotes
 * or single quotes: spreadsheets that trim spaces or read quotes loosely would otherwise still see a formula. What is
 * not: a cell written from a Java number ({@link Integer}, {@link Long}, {@link Short}, {@link Byte}, a finite
 * {@link Double} or {@link Float}, {@link BigDecimal}, {@link BigInteger}). Its text is Bridgemap's own and only
 * digits, a sign, a point and an exponent, so a negative number such as {@code -0.25} is data that a spreadsheet reads
 * as a number — quoting it would turn a measure column into text and break sums and charts. A number that arrives as
 * text (in a name, an id, a reason) is user data and is neutralised like any other text.
 *
 * <p>The quote is added so that it can be taken off again: {@link #restore} undoes {@link #neutralise} exactly, for
 * every text (a text that itself starts with a quote before a formula character gets one more quote), so the Open
 * Referral package still reads back into Bridgemap unchanged.
 *
 * <p>Not covered: a spreadsheet that splits the file on another separator (a {@code ;} locale opening a
 * comma-separated file) can start a cell in the middle of a value; Bridgemap's files are comma-separated, and every
 * value holding a comma, quote or line break is quoted.
 */
public final class SpreadsheetCsv {

    private final Appendable out;
    private final CSVFormat plain;
    private final CSVFormat quoted;

    /** A writer of records to {@code out}, each ended by {@code recordSeparator} ({@code "\n"} or {@code "\r\n"}). */
    public SpreadsheetCsv(Appendable out, String recordSeparator) {
        this.out = out;
        this.plain = CSVFormat.RFC4180.builder().setRecordSeparator(recordSeparator).get();
        this.quoted = plain.builder().setQuoteMode(QuoteMode.ALL).get();
    }

    /** Writes one record: numbers as they are, text neutralised, null as an empty cell. */
    public void printRecord(List<?> cells) throws IOException {
        boolean first = true;
        for (Object cell : cells) {
            if (isNumber(cell)) {
                plain.print(cell, out, first);
            } else {
                String text = cell == null ? "" : cell.toString();
                if (isFormulaLike(text)) {
                    quoted.print("'" + text, out, first);
                } else {
                    plain.print(text, out, first);
                }
            }
            first = false;
        }
        plain.println(out);
    }

    /** The text as a spreadsheet should get it: with a quote in front when it would otherwise start a formula. */
    public static String neutralise(String text) {
        return isFormulaLike(text) ? "'" + text : text;
    }

    /** The text {@link #neutralise} was given: the leading quote it added, taken off. */
    public static String restore(String text) {
        return text.startsWith("'") && isFormulaLike(text.substring(1)) ? text.substring(1) : text;
    }

    /**
     * Whether a spreadsheet could read {@code text} as a formula: a formula character first, or after leading spaces
     * and quotes. A leading quote is skipped too, so that {@link #restore} can tell an added quote from a written one.
     */
    static boolean isFormulaLike(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '=', '+', '-', '@', '\t', '\r', '\0', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> {
                    return true;
                }
                case '"', '\'' -> {
                    // skipped: a quote before a formula character
                }
                default -> {
                    if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                        return false;
                    }
                }
            }
        }
        return false;
    }

    /** A number whose text Bridgemap wrote: digits, sign, point, exponent; never NaN or infinite. */
    private static boolean isNumber(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d);
        }
        if (value instanceof Float f) {
            return Float.isFinite(f);
        }
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigDecimal || value instanceof BigInteger;
    }
}
