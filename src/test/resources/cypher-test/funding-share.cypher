// Funding active on $date: the total and the part paid by probation funders.
MATCH (f:Funder)-[r:FUNDS]->(:Practitioner)
WHERE r.start <= $date AND (r.end IS NULL OR r.end >= $date)
RETURN sum(r.amountGbp) AS total,
       sum(CASE WHEN f.kind = 'probation' THEN r.amountGbp ELSE 0 END) AS probation,
       max(duration.inDays(r.start, r.end).days) AS longestDays
