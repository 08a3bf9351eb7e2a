// One saved scenario.
MATCH (s:Scenario {name: $name})
RETURN s.name AS name, s.json AS json, s.savedAt AS savedAt
