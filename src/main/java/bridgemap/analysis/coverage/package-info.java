/** Practitioner cover of borough × setting-kind cells as of a day: holes, fragile cover, ending funding and N−1 losses. */
package bridgemap.analysis.coverage;
