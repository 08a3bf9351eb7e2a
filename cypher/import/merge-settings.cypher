// Upserts Setting nodes with their IN borough and RUN_BY agency; $rows: [{id, borough, runBy, props}].
UNWIND $rows AS row
OPTIONAL MATCH (old:Setting {id: row.id})
WITH row, old IS NULL AS isNew,
     old IS NOT NULL AND (properties(old) <> row.props
       OR NOT EXISTS { MATCH (old)-[:IN]->(b) WHERE b.id = row.borough }
       OR NOT EXISTS { MATCH (old)-[:RUN_BY]->(a) WHERE a.id = row.runBy }) AS changed
MERGE (n:Setting {id: row.id})
SET n = row.props
WITH n, row, isNew, changed
OPTIONAL MATCH (n)-[stale:IN|RUN_BY]->(x)
  WHERE NOT ((type(stale) = 'IN' AND x.id = row.borough) OR (type(stale) = 'RUN_BY' AND x.id = row.runBy))
DELETE stale
WITH DISTINCT n, row, isNew, changed
MATCH (b:Borough {id: row.borough})
MATCH (a:Agency {id: row.runBy})
MERGE (n)-[:IN]->(b)
MERGE (n)-[:RUN_BY]->(a)
RETURN count(*) AS written, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
