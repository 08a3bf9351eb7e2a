// Waits (up to $seconds) until every index is online: after a bulk load the indexes are built from scratch.
CALL db.awaitIndexes($seconds)
