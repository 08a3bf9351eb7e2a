// Every setting with its borough and the agency that runs it.
MATCH (s:Setting)-[:IN]->(b:Borough)
MATCH (s)-[:RUN_BY]->(a:Agency)
RETURN s.id AS id, s.name AS name, s.kind AS kind, b.id AS borough, a.id AS runBy
ORDER BY id
