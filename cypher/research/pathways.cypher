// Referrals counted by year, the case's borough, source, target and outcome, for aggregated research
// pathways; filters are optional ($year, $borough, $need). No case id leaves this query; the referral ids
// give each count its cell key for disclosure control and are not shown.
MATCH (c:Case)-[:HAD]->(r:Referral)
WHERE ($year IS NULL OR r.date.year = $year)
  AND ($borough IS NULL OR c.borough = $borough)
  AND ($need IS NULL OR EXISTS { (c)-[:HAS_NEED]->(:Need {id: $need}) })
MATCH (r)-[:FROM]->(source)
MATCH (r)-[:TO]->(target)
RETURN r.date.year AS year, c.borough AS borough, source.id AS fromId, target.id AS toId, r.outcome AS outcome,
       count(*) AS referrals, collect(r.id) AS ids
