// Every service, whatever its dates, with its agency, boroughs and needs: the services of an Open Referral export.
MATCH (s:Service)-[:OFFERED_BY]->(a:Agency)
RETURN s.id AS id, s.name AS name, a.id AS agency,
       COLLECT { MATCH (s)-[:SERVES]->(b:Borough) RETURN b.id ORDER BY b.id } AS boroughs,
       COLLECT { MATCH (s)-[:ACCEPTS]->(n:Need) RETURN n.id ORDER BY n.id } AS accepts,
       COLLECT { MATCH (s)-[:EXCLUDES]->(n:Need) RETURN n.id ORDER BY n.id } AS excludes,
       s.capacityPerMonth AS capacityPerMonth, s.waitWeeks AS waitWeeks, s.kind AS kind, s.start AS start, s.end AS end
ORDER BY id
