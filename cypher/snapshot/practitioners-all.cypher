// Every practitioner, in post or not (for the timeline).
MATCH (p:Practitioner)-[:EMPLOYED_BY]->(a:Agency)
RETURN p.id AS id, p.role AS role, p.discipline AS discipline, a.id AS employer, p.fte AS fte,
       p.start AS start, p.end AS end
ORDER BY id
