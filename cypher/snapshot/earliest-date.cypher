// The earliest dated fact: the first post, placement, funding row or referral.
CALL () {
  MATCH (p:Practitioner) RETURN min(p.start) AS day
  UNION ALL
  MATCH ()-[r:PLACED_AT]->() RETURN min(r.start) AS day
  UNION ALL
  MATCH ()-[r:FUNDS]->() RETURN min(r.start) AS day
  UNION ALL
  MATCH (r:Referral) RETURN min(r.date) AS day
}
RETURN min(day) AS earliest
