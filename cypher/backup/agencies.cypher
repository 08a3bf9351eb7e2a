// Every agency, for a backup bundle.
MATCH (a:Agency)
RETURN a.id AS id, a.name AS name, a.sector AS sector, a.kind AS kind, a.odsCode AS odsCode
ORDER BY id
