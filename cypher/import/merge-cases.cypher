// Upserts Case nodes with their HAS_NEED needs; $rows: [{id, needs, props}] with needs sorted.
UNWIND $rows AS row
OPTIONAL MATCH (old:Case {id: row.id})
WITH row, old IS NULL AS isNew,
     old IS NOT NULL AND (properties(old) <> row.props
       OR COLLECT { MATCH (old)-[:HAS_NEED]->(x) RETURN x.id ORDER BY x.id } <> row.needs) AS changed
MERGE (n:Case {id: row.id})
SET n = row.props
WITH n, row, isNew, changed
OPTIONAL MATCH (n)-[stale:HAS_NEED]->(x) WHERE NOT x.id IN row.needs
DELETE stale
WITH DISTINCT n, row, isNew, changed
CALL (n, row) {
  UNWIND row.needs AS needId
  MATCH (need:Need {id: needId})
  MERGE (n)-[:HAS_NEED]->(need)
}
RETURN count(*) AS written, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
