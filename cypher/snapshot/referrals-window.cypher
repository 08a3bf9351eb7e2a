// Referrals dated in the window ($windowStart, $asOf], in date order, with their case, source and target.
MATCH (r:Referral)
WHERE r.date > $windowStart AND r.date <= $asOf
MATCH (c:Case)-[:HAD]->(r)
MATCH (r)-[:FROM]->(source)
MATCH (r)-[:TO]->(target)
RETURN r.id AS id, c.id AS case, r.date AS date, source.id AS from, target.id AS to, r.outcome AS outcome,
       r.reason AS reason
ORDER BY date, id
