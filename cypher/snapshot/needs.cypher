// The need vocabulary.
MATCH (n:Need)
RETURN n.id AS id, n.name AS name
ORDER BY id
