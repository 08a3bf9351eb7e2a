// Every borough.
MATCH (b:Borough)
RETURN b.id AS id, b.name AS name, b.region AS region
ORDER BY id
