// Every referral with its case, source and target, for a backup bundle.
MATCH (c:Case)-[:HAD]->(r:Referral)
MATCH (r)-[:FROM]->(source)
MATCH (r)-[:TO]->(target)
RETURN r.id AS id, c.id AS case, r.date AS date, source.id AS from, target.id AS to, r.outcome AS outcome,
       r.reason AS reason
ORDER BY id
