// Funding rows active on $asOf.
MATCH (f:Funder)-[r:FUNDS]->(p:Practitioner)
WHERE r.start <= $asOf AND (r.end IS NULL OR r.end >= $asOf)
RETURN f.id AS funder, p.id AS practitioner, r.amountGbp AS amountGbp, r.start AS start, r.end AS end
ORDER BY funder, practitioner, start
