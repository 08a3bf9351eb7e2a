// Every activity row, any period, for a backup bundle (and for validating a bundle's periods against the store's).
MATCH (a:Activity)-[:AT]->(s:Setting)
RETURN s.id AS setting, a.measure AS measure, a.start AS start, a.end AS end, a.count AS count,
       a.mentalHealthShare AS mentalHealthShare, a.source AS source
ORDER BY setting, measure, start
