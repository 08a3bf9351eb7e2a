// Agencies that offer at least one service: the organisations of an Open Referral export.
MATCH (a:Agency)
WHERE EXISTS { MATCH (:Service)-[:OFFERED_BY]->(a) }
RETURN a.id AS id, a.name AS name, a.sector AS sector, a.kind AS kind, a.odsCode AS odsCode
ORDER BY id
