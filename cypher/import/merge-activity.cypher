// Upserts Activity nodes keyed by (setting, measure, start), each (a:Activity)-[:AT]->(setting);
// $rows: [{setting, measure, start, props}]. Returns how many rows were written, created and changed.
UNWIND $rows AS row
MATCH (s:Setting {id: row.setting})
OPTIONAL MATCH (old:Activity {measure: row.measure, start: row.start})-[:AT]->(s)
WITH s, row, old IS NULL AS isNew, old IS NOT NULL AND properties(old) <> row.props AS changed
MERGE (a:Activity {measure: row.measure, start: row.start})-[:AT]->(s)
SET a = row.props
RETURN count(*) AS written, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
