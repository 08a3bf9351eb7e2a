/**
 * Tables for people ({@link bridgemap.report.TextTable}, {@link bridgemap.report.Words}) and for tools (CSV sections
 * declared by a {@link bridgemap.report.CsvLayout}, GraphML and GEXF), and the one CSV writer for people
 * ({@link bridgemap.report.SpreadsheetCsv}).
 */
package bridgemap.report;
