/** Who are our single points of failure: structure, cover and flow brought together, one answer per person, funder or broker. */
package bridgemap.analysis.failure;
