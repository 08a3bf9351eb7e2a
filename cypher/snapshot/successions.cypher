// Every succession (two agencies or two funders), in key order: for snapshots, the timeline, node pages and backups.
MATCH (a)-[r:SUCCEEDED_BY]->(b)
WHERE (a:Agency AND b:Agency) OR (a:Funder AND b:Funder)
RETURN a.id AS predecessor, b.id AS successor, r.date AS date, r.takes AS takes, r.note AS note
ORDER BY predecessor, successor
