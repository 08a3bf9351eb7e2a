// Creates PARTNERS_WITH relationships at least one of whose ends this import creates (so none can exist yet);
// $rows: [{from, to, props}].
// Every reference is {id, node}: the node's element id (resolved by the import, whether the node is stored or created
// earlier in this import) and its id, checked so that a node deleted since (and its element id reused) cannot be hit.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from.node AND a.id = row.from.id
MATCH (b) WHERE elementId(b) = row.to.node AND b.id = row.to.id
CREATE (a)-[r:PARTNERS_WITH]->(b)
SET r = row.props
RETURN count(*) AS written
