// Creates Practitioner nodes new to the store, with their EMPLOYED_BY agency; $rows: [{employer, props}].
// Every reference is {id, node}: the node's element id (resolved by the import, whether the node is stored or created
// earlier in this import) and its id, checked so that a node deleted since (and its element id reused) cannot be hit.
// Returns rows written and each new node's element id.
UNWIND $rows AS row
MATCH (agency) WHERE elementId(agency) = row.employer.node AND agency.id = row.employer.id
CREATE (n:Practitioner)
SET n = row.props
CREATE (n)-[:EMPLOYED_BY]->(agency)
RETURN count(*) AS written, collect([n.id, elementId(n)]) AS nodes
