// The import in progress, if any, and how long ago it last committed a staging transaction.
MATCH (m:ImportInProgress)
RETURN m.id AS id, duration.inSeconds(m.heartbeat, datetime()).seconds AS idleSeconds
