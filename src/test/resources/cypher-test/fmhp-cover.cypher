// FMHP cover on $date: practitioners with role FMHP in post and placed, and where.
MATCH (p:Practitioner {role: 'FMHP'})-[pl:PLACED_AT]->(s:Setting)-[:IN]->(b:Borough)
WHERE p.start <= $date AND (p.end IS NULL OR p.end >= $date)
  AND pl.start <= $date AND (pl.end IS NULL OR pl.end >= $date)
RETURN count(DISTINCT p) AS fmhps,
       count(DISTINCT b) AS boroughs,
       count(DISTINCT CASE WHEN s.kind = 'magistrates_court' THEN s END) AS magistratesCourts,
       count(DISTINCT CASE WHEN s.kind = 'crown_court' THEN s END) AS crownCourts,
       count(DISTINCT CASE WHEN s.kind = 'police_custody' THEN s END) AS custodySuites,
       collect(DISTINCT CASE WHEN s.kind = 'crown_court' THEN s.name END) AS crownCourtNames,
       collect(DISTINCT s.name) AS settings
