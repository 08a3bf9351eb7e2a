// Drops the Scenario name constraint (and its index), so orphan-scenario-index.cypher can take the name.
DROP CONSTRAINT scenario_name
