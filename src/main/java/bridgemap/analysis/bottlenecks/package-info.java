/** Brokerage bottlenecks on the referral graph: who holds the network together, and what breaks without them. */
package bridgemap.analysis.bottlenecks;
