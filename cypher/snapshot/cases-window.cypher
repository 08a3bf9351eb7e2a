// Cases with a referral dated in the window ($windowStart, $asOf], with their needs.
MATCH (r:Referral)
WHERE r.date > $windowStart AND r.date <= $asOf
MATCH (c:Case)-[:HAD]->(r)
WITH DISTINCT c
RETURN c.id AS id, c.borough AS borough, c.ageBand AS ageBand, c.gender AS gender,
       COLLECT { MATCH (c)-[:HAS_NEED]->(n:Need) RETURN n.id ORDER BY n.id } AS needs
ORDER BY id
