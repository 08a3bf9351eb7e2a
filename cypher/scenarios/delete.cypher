// Deletes a saved scenario; returns how many were deleted (0 or 1).
MATCH (s:Scenario {name: $name})
DELETE s
RETURN count(*) AS deleted
