// Sets the password of the embedded store's neo4j user, on the system database, at every start: a random secret for
// this start only, or the operator's password when Bolt is opened to Neo4j's tools (serve --bolt-port); $password:
// at least 8 characters.
ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED
