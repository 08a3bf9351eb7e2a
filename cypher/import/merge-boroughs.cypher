// Upserts Borough nodes by id; $rows: [{id, props}]. Returns how many rows were written, created and changed.
UNWIND $rows AS row
OPTIONAL MATCH (old:Borough {id: row.id})
WITH row, old IS NULL AS isNew, old IS NOT NULL AND properties(old) <> row.props AS changed
MERGE (n:Borough {id: row.id})
SET n = row.props
RETURN count(*) AS written, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
