/** Neo4j only: the embedded server's lifecycle, the driver, the Cypher files and the repositories. */
package bridgemap.store;
