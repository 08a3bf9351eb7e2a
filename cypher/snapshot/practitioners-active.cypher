// Practitioners in post on $asOf.
MATCH (p:Practitioner)-[:EMPLOYED_BY]->(a:Agency)
WHERE p.start <= $asOf AND (p.end IS NULL OR p.end >= $asOf)
RETURN p.id AS id, p.role AS role, p.discipline AS discipline, a.id AS employer, p.fte AS fte,
       p.start AS start, p.end AS end
ORDER BY id
