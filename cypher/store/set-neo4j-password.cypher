// Sets the password of the embedded store's neo4j user, on the system database, when its Bolt endpoint is
// exposed with authentication (serve --bolt-port); $password: at least 8 characters.
ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED
