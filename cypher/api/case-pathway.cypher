// One case's referral chain, in date order (ties by id), every referral of the case up to $asOf.
MATCH (c:Case {id: $caseId})
OPTIONAL MATCH (c)-[:HAD]->(r:Referral)
WHERE r.date <= $asOf
OPTIONAL MATCH (r)-[:FROM]->(source)
OPTIONAL MATCH (r)-[:TO]->(target)
WITH c, r, source, target
ORDER BY r.date, r.id
RETURN c.id AS id, c.borough AS borough, c.ageBand AS ageBand, c.gender AS gender,
       COLLECT { MATCH (c)-[:HAS_NEED]->(n:Need) RETURN n.id ORDER BY n.id } AS needs,
       collect(CASE WHEN r IS NULL THEN null ELSE {id: r.id, date: r.date, from: source.id, to: target.id,
                    outcome: r.outcome, reason: r.reason} END) AS referrals
