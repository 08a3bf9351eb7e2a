// Upserts each setting's catchment: CATCHMENT_INCLUDES relationships to exactly the listed boroughs, each carrying the
// catchment's area (absent when not given); $rows: [{setting, boroughs (sorted), area}]. Returns how many rows were
// written, created (a setting that had no catchment) and changed.
UNWIND $rows AS row
MATCH (s:Setting {id: row.setting})
WITH s, row,
     COLLECT { MATCH (s)-[:CATCHMENT_INCLUDES]->(b:Borough) RETURN b.id ORDER BY b.id } AS oldBoroughs,
     COLLECT { MATCH (s)-[c:CATCHMENT_INCLUDES]->(:Borough) RETURN coalesce(c.area, '') } AS oldAreas
WITH s, row, size(oldBoroughs) = 0 AS isNew,
     size(oldBoroughs) > 0 AND (oldBoroughs <> row.boroughs
       OR any(area IN oldAreas WHERE area <> coalesce(row.area, ''))) AS changed
OPTIONAL MATCH (s)-[stale:CATCHMENT_INCLUDES]->(x)
  WHERE NOT x.id IN row.boroughs
DELETE stale
WITH DISTINCT s, row, isNew, changed
CALL (s, row) {
  UNWIND row.boroughs AS boroughId
  MATCH (b:Borough {id: boroughId})
  MERGE (s)-[c:CATCHMENT_INCLUDES]->(b)
  SET c.area = row.area
}
RETURN count(*) AS written, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
