// Upserts PARTNERS_WITH relationships keyed by (from, to, kind, start), where start may be absent;
// $rows: [{from, to, kind, start, props}].
UNWIND $rows AS row
MATCH (a:Agency {id: row.from})
MATCH (b:Agency {id: row.to})
OPTIONAL MATCH (a)-[old:PARTNERS_WITH {kind: row.kind}]->(b)
  WHERE coalesce(old.start, date('0001-01-01')) = coalesce(row.start, date('0001-01-01'))
CALL (a, b, row, old) {
  WITH a, b, row, old WHERE old IS NULL
  CREATE (a)-[r:PARTNERS_WITH]->(b)
  SET r = row.props
  RETURN 1 AS created, 0 AS updated
  UNION
  WITH row, old WHERE old IS NOT NULL
  WITH row, old, properties(old) <> row.props AS changed
  SET old = row.props
  RETURN 0 AS created, CASE WHEN changed THEN 1 ELSE 0 END AS updated
}
RETURN count(*) AS written, sum(created) AS created, sum(updated) AS updated
