/** Commissioners' planning: what-if scenarios on a snapshot, the expansion planner, change over time. */
package bridgemap.analysis.planning;
