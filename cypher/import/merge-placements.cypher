// Upserts PLACED_AT relationships keyed by (practitioner, setting, start); $rows: [{practitioner, setting, start, props}].
UNWIND $rows AS row
MATCH (p:Practitioner {id: row.practitioner})
MATCH (s:Setting {id: row.setting})
OPTIONAL MATCH (p)-[old:PLACED_AT {start: row.start}]->(s)
WITH p, s, row, old IS NULL AS isNew, old IS NOT NULL AND properties(old) <> row.props AS changed
MERGE (p)-[r:PLACED_AT {start: row.start}]->(s)
SET r = row.props
RETURN count(*) AS written, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
