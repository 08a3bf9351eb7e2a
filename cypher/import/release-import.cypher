// Removes import $id's in-progress mark (in its publishing transaction, or after discarding what it staged).
MATCH (m:ImportInProgress {key: 'import', id: $id})
DELETE m
RETURN count(m) AS released
