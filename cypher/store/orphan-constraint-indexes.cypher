// Indexes named after one of Bridgemap's uniqueness constraints ($schema: the statements of cypher/schema/) that no
// constraint owns: what is left when a process dies while Neo4j builds a constraint's index (a first start, or the
// first start after a bulk load, where the index takes seconds to build). Until dropped, such an index blocks the
// constraint ("There already exists an index called ...") and with it every start of the store.
SHOW INDEXES YIELD name, owningConstraint
WHERE owningConstraint IS NULL
  AND any(statement IN $schema WHERE trim(statement) STARTS WITH 'CREATE CONSTRAINT ' + name + ' ')
RETURN name
