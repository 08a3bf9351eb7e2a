// Every partnership, active or not, for a backup bundle.
MATCH (a:Agency)-[r:PARTNERS_WITH]->(b:Agency)
RETURN a.id AS from, b.id AS to, r.kind AS kind, r.start AS start, r.end AS end
ORDER BY from, to, kind, start
