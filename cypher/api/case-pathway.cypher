// One case's referral chain: every referral of the case dated up to $asOf, in date order (ties by id).
MATCH (c:Case {id: $caseId})
RETURN c.id AS id, c.borough AS borough, c.ageBand AS ageBand, c.gender AS gender,
       COLLECT { MATCH (c)-[:HAS_NEED]->(n:Need) RETURN n.id ORDER BY n.id } AS needs,
       COLLECT {
         MATCH (c)-[:HAD]->(r:Referral)
         WHERE r.date <= $asOf
         MATCH (r)-[:FROM]->(source)
         MATCH (r)-[:TO]->(target)
         WITH r, source, target
         ORDER BY r.date, r.id
         RETURN {id: r.id, date: r.date, from: source.id, to: target.id, outcome: r.outcome, reason: r.reason}
       } AS referrals
