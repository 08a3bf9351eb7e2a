/** Analyses as tables for tools: CSV sections shared by the command line, the exports and the API, and the one CSV writer for people ({@link bridgemap.report.SpreadsheetCsv}). */
package bridgemap.report;
