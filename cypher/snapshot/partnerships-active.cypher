// Partnerships active on $asOf.
MATCH (a:Agency)-[r:PARTNERS_WITH]->(b:Agency)
WHERE (r.start IS NULL OR r.start <= $asOf) AND (r.end IS NULL OR r.end >= $asOf)
RETURN a.id AS from, b.id AS to, r.kind AS kind, r.start AS start, r.end AS end
ORDER BY from, to, kind
