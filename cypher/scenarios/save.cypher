// Saves (or replaces) a what-if scenario by name; saved scenarios live apart from the network's nodes.
MERGE (s:Scenario {name: $name})
SET s.json = $json, s.savedAt = $savedAt
RETURN s.name AS name
