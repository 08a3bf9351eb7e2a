// Creates Service nodes new to the store, with OFFERED_BY, SERVES, ACCEPTS and EXCLUDES;
// $rows: [{agency, boroughs, accepts, excludes, props}] (the last three lists of references).
// Every reference is {id, node}: the node's element id (resolved by the import, whether the node is stored or created
// earlier in this import) and its id, checked so that a node deleted since (and its element id reused) cannot be hit.
// Returns rows written, the relationships they asked for, and each new node's element id.
UNWIND $rows AS row
MATCH (agency) WHERE elementId(agency) = row.agency.node AND agency.id = row.agency.id
CREATE (n:Service)
SET n = row.props
CREATE (n)-[:OFFERED_BY]->(agency)
WITH n, row
CALL (n, row) {
  UNWIND row.boroughs AS ref
  MATCH (x) WHERE elementId(x) = ref.node AND x.id = ref.id
  CREATE (n)-[:SERVES]->(x)
}
CALL (n, row) {
  UNWIND row.accepts AS ref
  MATCH (x) WHERE elementId(x) = ref.node AND x.id = ref.id
  CREATE (n)-[:ACCEPTS]->(x)
}
CALL (n, row) {
  UNWIND row.excludes AS ref
  MATCH (x) WHERE elementId(x) = ref.node AND x.id = ref.id
  CREATE (n)-[:EXCLUDES]->(x)
}
RETURN count(*) AS written, sum(1 + size(row.boroughs) + size(row.accepts) + size(row.excludes)) AS relationships,
       collect([n.id, elementId(n)]) AS nodes
