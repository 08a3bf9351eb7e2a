/** What brokers add: brokered against direct hand-offs between sectors, with Wilson score intervals. */
package bridgemap.analysis.outcomes;
