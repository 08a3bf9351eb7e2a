// Every borough population figure, any year.
MATCH (p:Population)-[:OF]->(b:Borough)
RETURN b.id AS borough, p.year AS year, p.people AS people, p.source AS source
ORDER BY borough, year
