// Drops the embedded store's user $user (one other than neo4j), on the system database.
DROP USER $user
