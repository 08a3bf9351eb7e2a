// Notes that import $id is alive; runs in each of its staging transactions. Returns 1 when the mark is still its own.
MATCH (m:ImportInProgress {key: 'import', id: $id})
SET m.heartbeat = datetime()
RETURN count(m) AS held
