/**
 * The catalogue of analyses ({@link bridgemap.catalogue.Analyses}): one descriptor each, with its renderers beside it,
 * read by the result cache, the {@code analyze} commands, the {@code /api/analysis} routes and the CSV export.
 */
package bridgemap.catalogue;
