// Creates Borough nodes new to the store (the import checked that none has their id); $rows: [{props}].
// Returns how many rows were written and each new node's element id.
UNWIND $rows AS row
CREATE (n:Borough)
SET n = row.props
RETURN count(*) AS written, collect([n.id, elementId(n)]) AS nodes
