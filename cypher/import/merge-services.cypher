// Upserts Service nodes with OFFERED_BY, SERVES, ACCEPTS and EXCLUDES;
// $rows: [{id, agency, boroughs, accepts, excludes, props}] with the id lists sorted.
UNWIND $rows AS row
OPTIONAL MATCH (old:Service {id: row.id})
WITH row, old IS NULL AS isNew,
     old IS NOT NULL AND (properties(old) <> row.props
       OR NOT EXISTS { MATCH (old)-[:OFFERED_BY]->(a) WHERE a.id = row.agency }
       OR COLLECT { MATCH (old)-[:SERVES]->(x) RETURN x.id ORDER BY x.id } <> row.boroughs
       OR COLLECT { MATCH (old)-[:ACCEPTS]->(x) RETURN x.id ORDER BY x.id } <> row.accepts
       OR COLLECT { MATCH (old)-[:EXCLUDES]->(x) RETURN x.id ORDER BY x.id } <> row.excludes) AS changed
MERGE (n:Service {id: row.id})
SET n = row.props
WITH n, row, isNew, changed
OPTIONAL MATCH (n)-[stale:OFFERED_BY|SERVES|ACCEPTS|EXCLUDES]->(x)
  WHERE NOT ((type(stale) = 'OFFERED_BY' AND x.id = row.agency)
          OR (type(stale) = 'SERVES' AND x.id IN row.boroughs)
          OR (type(stale) = 'ACCEPTS' AND x.id IN row.accepts)
          OR (type(stale) = 'EXCLUDES' AND x.id IN row.excludes))
DELETE stale
WITH DISTINCT n, row, isNew, changed
MATCH (a:Agency {id: row.agency})
MERGE (n)-[:OFFERED_BY]->(a)
WITH n, row, isNew, changed
CALL (n, row) {
  UNWIND row.boroughs AS boroughId
  MATCH (b:Borough {id: boroughId})
  MERGE (n)-[:SERVES]->(b)
}
CALL (n, row) {
  UNWIND row.accepts AS needId
  MATCH (need:Need {id: needId})
  MERGE (n)-[:ACCEPTS]->(need)
}
CALL (n, row) {
  UNWIND row.excludes AS needId
  MATCH (need:Need {id: needId})
  MERGE (n)-[:EXCLUDES]->(need)
}
RETURN count(*) AS written, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
