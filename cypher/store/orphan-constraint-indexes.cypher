// Indexes named after one of Bridgemap's uniqueness constraints ($names) that no constraint owns: what is left when a
// process dies while Neo4j builds a constraint's index (a first start, or the first start after a bulk load, where the
// index takes seconds to build). Until dropped, such an index blocks the constraint ("There already exists an index
// called ...") and with it every start of the store.
SHOW INDEXES YIELD name, owningConstraint
WHERE owningConstraint IS NULL AND name IN $names
RETURN name
