/** Analyses as tables for tools: CSV sections shared by the command line, the exports and the API. */
package bridgemap.report;
