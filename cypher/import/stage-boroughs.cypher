// Stages Borough nodes new to the store: labelled StagedBorough, invisible to every query, until the import publishes
// them (publish-staged.cypher); $rows: [{props}]. Returns how many rows were written and each new node's element id.
UNWIND $rows AS row
CREATE (n:StagedBorough)
SET n = row.props
RETURN count(*) AS written, collect([n.id, elementId(n)]) AS nodes
