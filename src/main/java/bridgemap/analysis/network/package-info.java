/** Graph algorithms on the referral network (betweenness, cut vertices, broker cuts, brokerage, structural holes), over dense int ids; JDK and JGraphT only. */
package bridgemap.analysis.network;
