// Activity rows whose period overlaps the window ($windowStart, $asOf].
MATCH (a:Activity)-[:AT]->(s:Setting)
WHERE a.start <= $asOf AND a.end > $windowStart
RETURN s.id AS setting, a.measure AS measure, a.start AS start, a.end AS end, a.count AS count,
       a.mentalHealthShare AS mentalHealthShare, a.source AS source
ORDER BY setting, measure, start
