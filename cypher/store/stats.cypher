// Counts per label and per relationship type of the Bridgemap model (count-store lookups). Each relationship is
// counted from the labelled node whose row creates it, so what an unfinished import has staged (nodes without a
// domain label) is never counted.
RETURN {
  Borough: COUNT { MATCH (:Borough) },
  Agency: COUNT { MATCH (:Agency) },
  Setting: COUNT { MATCH (:Setting) },
  Need: COUNT { MATCH (:Need) },
  Service: COUNT { MATCH (:Service) },
  Practitioner: COUNT { MATCH (:Practitioner) },
  Funder: COUNT { MATCH (:Funder) },
  Case: COUNT { MATCH (:Case) },
  Referral: COUNT { MATCH (:Referral) }
} AS labels,
{
  IN: COUNT { MATCH (:Setting)-[:IN]->() },
  RUN_BY: COUNT { MATCH (:Setting)-[:RUN_BY]->() },
  OPERATES_IN: COUNT { MATCH ()-[:OPERATES_IN]->() },
  OFFERED_BY: COUNT { MATCH (:Service)-[:OFFERED_BY]->() },
  SERVES: COUNT { MATCH (:Service)-[:SERVES]->() },
  ACCEPTS: COUNT { MATCH (:Service)-[:ACCEPTS]->() },
  EXCLUDES: COUNT { MATCH (:Service)-[:EXCLUDES]->() },
  EMPLOYED_BY: COUNT { MATCH (:Practitioner)-[:EMPLOYED_BY]->() },
  PLACED_AT: COUNT { MATCH (:Practitioner)-[:PLACED_AT]->(:Setting) },
  FUNDS: COUNT { MATCH (:Funder)-[:FUNDS]->(:Practitioner) },
  PARTNERS_WITH: COUNT { MATCH (:Agency)-[:PARTNERS_WITH]->(:Agency) },
  HAS_NEED: COUNT { MATCH (:Case)-[:HAS_NEED]->() },
  HAD: COUNT { MATCH ()-[:HAD]->(:Referral) },
  FROM: COUNT { MATCH (:Referral)-[:FROM]->() },
  TO: COUNT { MATCH (:Referral)-[:TO]->() }
} AS relationships
