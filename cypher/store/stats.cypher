// Counts per label and per relationship type of the Bridgemap model (count-store lookups).
RETURN {
  Borough: COUNT { MATCH (:Borough) },
  Agency: COUNT { MATCH (:Agency) },
  Setting: COUNT { MATCH (:Setting) },
  Need: COUNT { MATCH (:Need) },
  Service: COUNT { MATCH (:Service) },
  Practitioner: COUNT { MATCH (:Practitioner) },
  Funder: COUNT { MATCH (:Funder) },
  Case: COUNT { MATCH (:Case) },
  Referral: COUNT { MATCH (:Referral) },
  Activity: COUNT { MATCH (:Activity) },
  Population: COUNT { MATCH (:Population) }
} AS labels,
{
  IN: COUNT { MATCH ()-[:IN]->() },
  RUN_BY: COUNT { MATCH ()-[:RUN_BY]->() },
  OPERATES_IN: COUNT { MATCH ()-[:OPERATES_IN]->() },
  OFFERED_BY: COUNT { MATCH ()-[:OFFERED_BY]->() },
  SERVES: COUNT { MATCH ()-[:SERVES]->() },
  ACCEPTS: COUNT { MATCH ()-[:ACCEPTS]->() },
  EXCLUDES: COUNT { MATCH ()-[:EXCLUDES]->() },
  EMPLOYED_BY: COUNT { MATCH ()-[:EMPLOYED_BY]->() },
  PLACED_AT: COUNT { MATCH ()-[:PLACED_AT]->() },
  FUNDS: COUNT { MATCH ()-[:FUNDS]->() },
  PARTNERS_WITH: COUNT { MATCH ()-[:PARTNERS_WITH]->() },
  HAS_NEED: COUNT { MATCH ()-[:HAS_NEED]->() },
  HAD: COUNT { MATCH ()-[:HAD]->() },
  FROM: COUNT { MATCH ()-[:FROM]->() },
  TO: COUNT { MATCH ()-[:TO]->() },
  CATCHMENT_INCLUDES: COUNT { MATCH ()-[:CATCHMENT_INCLUDES]->() },
  AT: COUNT { MATCH ()-[:AT]->() },
  OF: COUNT { MATCH ()-[:OF]->() }
} AS relationships
