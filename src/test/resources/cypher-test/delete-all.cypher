// Test helper: empties the store between test classes.
MATCH (n) DETACH DELETE n
