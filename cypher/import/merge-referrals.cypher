// Upserts Referral nodes with (Case)-[:HAD]->, -[:FROM]-> and -[:TO]->;
// $rows: [{id, case, from, to, props}]; from is a Setting, Agency or Practitioner id, to a Service, Agency or Practitioner id.
UNWIND $rows AS row
OPTIONAL MATCH (old:Referral {id: row.id})
WITH row, old IS NULL AS isNew,
     old IS NOT NULL AND (properties(old) <> row.props
       OR NOT EXISTS { MATCH (old)<-[:HAD]-(c) WHERE c.id = row.case }
       OR NOT EXISTS { MATCH (old)-[:FROM]->(x) WHERE x.id = row.from }
       OR NOT EXISTS { MATCH (old)-[:TO]->(x) WHERE x.id = row.to }) AS changed
MERGE (n:Referral {id: row.id})
SET n = row.props
WITH n, row, isNew, changed
OPTIONAL MATCH (n)-[stale:FROM|TO]->(x)
  WHERE NOT ((type(stale) = 'FROM' AND x.id = row.from) OR (type(stale) = 'TO' AND x.id = row.to))
DELETE stale
WITH DISTINCT n, row, isNew, changed
OPTIONAL MATCH (n)<-[staleHad:HAD]-(other) WHERE other.id <> row.case
DELETE staleHad
WITH DISTINCT n, row, isNew, changed
MATCH (c:Case {id: row.case})
MERGE (c)-[:HAD]->(n)
WITH n, row, isNew, changed
CALL (n, row) {
  OPTIONAL MATCH (s:Setting {id: row.from})
  OPTIONAL MATCH (a:Agency {id: row.from})
  OPTIONAL MATCH (p:Practitioner {id: row.from})
  WITH n, coalesce(s, a, p) AS source
  MERGE (n)-[:FROM]->(source)
}
CALL (n, row) {
  OPTIONAL MATCH (s:Service {id: row.to})
  OPTIONAL MATCH (a:Agency {id: row.to})
  OPTIONAL MATCH (p:Practitioner {id: row.to})
  WITH n, coalesce(s, a, p) AS target
  MERGE (n)-[:TO]->(target)
}
RETURN count(*) AS written, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
