// Every index and constraint-backed index with its state, in a stable order (BulkImportTest compares two stores).
SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state
RETURN name, type, labelsOrTypes, properties, state ORDER BY name
