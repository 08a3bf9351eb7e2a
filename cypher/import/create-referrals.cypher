// Creates Referral nodes new to the store, with (Case)-[:HAD]->, -[:FROM]-> and -[:TO]->;
// $rows: [{case, from, to, props}].
// Every reference is {id, node}: the node's element id (resolved by the import, whether the node is stored or created
// earlier in this import) and its id, checked so that a node deleted since (and its element id reused) cannot be hit.
// Returns how many rows were written.
UNWIND $rows AS row
MATCH (subject) WHERE elementId(subject) = row.case.node AND subject.id = row.case.id
MATCH (source) WHERE elementId(source) = row.from.node AND source.id = row.from.id
MATCH (target) WHERE elementId(target) = row.to.node AND target.id = row.to.id
CREATE (r:Referral)
SET r = row.props
CREATE (subject)-[:HAD]->(r), (r)-[:FROM]->(source), (r)-[:TO]->(target)
RETURN count(*) AS written
