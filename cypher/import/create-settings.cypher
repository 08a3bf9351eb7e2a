// Creates Setting nodes new to the store, with their IN borough and RUN_BY agency; $rows: [{borough, runBy, props}].
// Every reference is {id, node}: the node's element id (resolved by the import, whether the node is stored or created
// earlier in this import) and its id, checked so that a node deleted since (and its element id reused) cannot be hit.
// Returns rows written and each new node's element id.
UNWIND $rows AS row
MATCH (borough) WHERE elementId(borough) = row.borough.node AND borough.id = row.borough.id
MATCH (agency) WHERE elementId(agency) = row.runBy.node AND agency.id = row.runBy.id
CREATE (n:Setting)
SET n = row.props
CREATE (n)-[:IN]->(borough), (n)-[:RUN_BY]->(agency)
RETURN count(*) AS written, collect([n.id, elementId(n)]) AS nodes
