// Every saved scenario, by name.
MATCH (s:Scenario)
RETURN s.name AS name, s.json AS json, s.savedAt AS savedAt
ORDER BY name
