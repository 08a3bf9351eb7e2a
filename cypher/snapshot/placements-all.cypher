// Every placement, active or not (for the timeline).
MATCH (p:Practitioner)-[r:PLACED_AT]->(s:Setting)
RETURN p.id AS practitioner, s.id AS setting, r.start AS start, r.end AS end
ORDER BY practitioner, setting, start
