// Every case with its needs, for a backup bundle.
MATCH (c:Case)
RETURN c.id AS id, c.borough AS borough, c.ageBand AS ageBand, c.gender AS gender,
       COLLECT { MATCH (c)-[:HAS_NEED]->(n:Need) RETURN n.id ORDER BY n.id } AS needs
ORDER BY id
