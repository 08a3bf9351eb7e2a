// Stands in for an index left without its constraint by a crash: the Scenario name constraint's index, unowned.
// Run after drop-scenario-constraint.cypher.
CREATE INDEX scenario_name FOR (n:Scenario) ON (n.name)
