// Every funder.
MATCH (f:Funder)
RETURN f.id AS id, f.name AS name, f.kind AS kind
ORDER BY id
