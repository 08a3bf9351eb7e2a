// The embedded store's users other than $user (neo4j), dropped at start: the store has that one user only.
SHOW USERS YIELD user WHERE user <> $user RETURN user
