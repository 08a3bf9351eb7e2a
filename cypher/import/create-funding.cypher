// Creates FUNDS relationships at least one of whose ends this import creates (so none can exist yet);
// $rows: [{funder, practitioner, props}].
// Every reference is {id, node}: the node's element id (resolved by the import, whether the node is stored or created
// earlier in this import) and its id, checked so that a node deleted since (and its element id reused) cannot be hit.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.funder.node AND a.id = row.funder.id
MATCH (b) WHERE elementId(b) = row.practitioner.node AND b.id = row.practitioner.id
CREATE (a)-[r:FUNDS]->(b)
SET r = row.props
RETURN count(*) AS written
