// Upserts FUNDS relationships keyed by (funder, practitioner, start); $rows: [{funder, practitioner, start, props}].
UNWIND $rows AS row
MATCH (f:Funder {id: row.funder})
MATCH (p:Practitioner {id: row.practitioner})
OPTIONAL MATCH (f)-[old:FUNDS {start: row.start}]->(p)
WITH f, p, row, old IS NULL AS isNew, old IS NOT NULL AND properties(old) <> row.props AS changed
MERGE (f)-[r:FUNDS {start: row.start}]->(p)
SET r = row.props
RETURN count(*) AS written, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
