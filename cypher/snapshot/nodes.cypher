// Every node that can send or receive a referral, with the sector the analyses give it:
// an agency's own, a setting's run_by agency's, a practitioner's employer's, a service's offering agency's.
CALL () {
  MATCH (s:Setting)-[:RUN_BY]->(a:Agency)
  OPTIONAL MATCH (s)-[:IN]->(b:Borough)
  RETURN s.id AS id, 'setting' AS type, s.name AS name, a.sector AS sector, s.kind AS kind, b.id AS borough
  UNION ALL
  MATCH (a:Agency)
  RETURN a.id AS id, 'agency' AS type, a.name AS name, a.sector AS sector, a.kind AS kind, null AS borough
  UNION ALL
  MATCH (p:Practitioner)-[:EMPLOYED_BY]->(a:Agency)
  RETURN p.id AS id, 'practitioner' AS type, p.id AS name, a.sector AS sector, p.role AS kind, null AS borough
  UNION ALL
  MATCH (s:Service)-[:OFFERED_BY]->(a:Agency)
  RETURN s.id AS id, 'service' AS type, s.name AS name, a.sector AS sector, 'service' AS kind, null AS borough
}
RETURN id, type, name, sector, kind, borough
ORDER BY type, id
