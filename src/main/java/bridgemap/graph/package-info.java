/** Projections of a snapshot into JGraphT graphs with dense int ids; ids map back only when results leave. */
package bridgemap.graph;
