// Creates PLACED_AT relationships at least one of whose ends this import creates (so none can exist yet);
// $rows: [{practitioner, setting, props}].
// Every reference is {id, node}: the node's element id (resolved by the import, whether the node is stored or created
// earlier in this import) and its id, checked so that a node deleted since (and its element id reused) cannot be hit.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.practitioner.node AND a.id = row.practitioner.id
MATCH (b) WHERE elementId(b) = row.setting.node AND b.id = row.setting.id
CREATE (a)-[r:PLACED_AT]->(b)
SET r = row.props
RETURN count(*) AS written
