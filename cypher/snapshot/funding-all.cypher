// Every funding row, active or not (for the timeline).
MATCH (f:Funder)-[r:FUNDS]->(p:Practitioner)
RETURN f.id AS funder, p.id AS practitioner, r.amountGbp AS amountGbp, r.start AS start, r.end AS end
ORDER BY funder, practitioner, start
