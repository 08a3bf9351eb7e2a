// Upserts Population nodes keyed by (borough, year), each (p:Population)-[:OF]->(borough);
// $rows: [{borough, year, props}]. Returns how many rows were written, created and changed.
UNWIND $rows AS row
MATCH (b:Borough {id: row.borough})
OPTIONAL MATCH (old:Population {year: row.year})-[:OF]->(b)
WITH b, row, old IS NULL AS isNew, old IS NOT NULL AND properties(old) <> row.props AS changed
MERGE (p:Population {year: row.year})-[:OF]->(b)
SET p = row.props
RETURN count(*) AS written, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
