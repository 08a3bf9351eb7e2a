// Creates Case nodes new to the store, with HAS_NEED; $rows: [{needs, props}] (needs: a list of references).
// Every reference is {id, node}: the node's element id (resolved by the import, whether the node is stored or created
// earlier in this import) and its id, checked so that a node deleted since (and its element id reused) cannot be hit.
// Returns rows written, the relationships they asked for, and each new node's element id.
UNWIND $rows AS row
CREATE (n:Case)
SET n = row.props
WITH n, row
CALL (n, row) {
  UNWIND row.needs AS ref
  MATCH (x) WHERE elementId(x) = ref.node AND x.id = ref.id
  CREATE (n)-[:HAS_NEED]->(x)
}
RETURN count(*) AS written, sum(size(row.needs)) AS relationships, collect([n.id, elementId(n)]) AS nodes
