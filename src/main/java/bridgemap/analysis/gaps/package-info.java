/** Where people fall through the net: exclusion conflicts, dead ends, hand-off loss and unreachable entry settings. */
package bridgemap.analysis.gaps;
