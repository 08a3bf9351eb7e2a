// Upserts SUCCEEDED_BY relationships between two agencies or two funders, keyed by (predecessor, successor);
// $rows: [{predecessor, successor, props}], props {date, takes, note}. Returns how many rows were written, created
// and changed.
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Agency {id: row.predecessor})
  MATCH (b:Agency {id: row.successor})
  RETURN a, b
  UNION
  MATCH (a:Funder {id: row.predecessor})
  MATCH (b:Funder {id: row.successor})
  RETURN a, b
}
OPTIONAL MATCH (a)-[old:SUCCEEDED_BY]->(b)
WITH a, b, row, old IS NULL AS isNew, old IS NOT NULL AND properties(old) <> row.props AS changed
MERGE (a)-[r:SUCCEEDED_BY]->(b)
SET r = row.props
RETURN count(*) AS written, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
