// Placements active on $asOf of practitioners in post on $asOf.
MATCH (p:Practitioner)-[r:PLACED_AT]->(s:Setting)
WHERE r.start <= $asOf AND (r.end IS NULL OR r.end >= $asOf)
  AND p.start <= $asOf AND (p.end IS NULL OR p.end >= $asOf)
RETURN p.id AS practitioner, s.id AS setting, r.start AS start, r.end AS end
ORDER BY practitioner, setting, start
