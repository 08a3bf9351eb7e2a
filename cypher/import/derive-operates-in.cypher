// Derives (Agency)-[:OPERATES_IN]->(Borough) from the settings an agency runs and the boroughs its services serve.
MATCH (a:Agency)
OPTIONAL MATCH (a)-[r:OPERATES_IN]->(b:Borough)
  WHERE NOT EXISTS { (a)<-[:RUN_BY]-(:Setting)-[:IN]->(b) }
    AND NOT EXISTS { (a)<-[:OFFERED_BY]-(:Service)-[:SERVES]->(b) }
DELETE r
WITH DISTINCT a
CALL (a) {
  MATCH (a)<-[:RUN_BY]-(:Setting)-[:IN]->(b:Borough)
  WITH DISTINCT b
  MERGE (a)-[:OPERATES_IN]->(b)
}
CALL (a) {
  MATCH (a)<-[:OFFERED_BY]-(:Service)-[:SERVES]->(b:Borough)
  WITH DISTINCT b
  MERGE (a)-[:OPERATES_IN]->(b)
}
RETURN count(a) AS agencies
