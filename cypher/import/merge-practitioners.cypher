// Upserts Practitioner nodes with their EMPLOYED_BY agency; $rows: [{id, employer, props}].
UNWIND $rows AS row
OPTIONAL MATCH (old:Practitioner {id: row.id})
WITH row, old IS NULL AS isNew,
     old IS NOT NULL AND (properties(old) <> row.props
       OR NOT EXISTS { MATCH (old)-[:EMPLOYED_BY]->(a) WHERE a.id = row.employer }) AS changed
MERGE (n:Practitioner {id: row.id})
SET n = row.props
WITH n, row, isNew, changed
OPTIONAL MATCH (n)-[stale:EMPLOYED_BY]->(x) WHERE x.id <> row.employer
DELETE stale
WITH DISTINCT n, row, isNew, changed
MATCH (a:Agency {id: row.employer})
MERGE (n)-[:EMPLOYED_BY]->(a)
RETURN count(*) AS written, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
