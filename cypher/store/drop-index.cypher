// Drops the index called $name (an orphaned constraint index, see orphan-constraint-indexes.cypher).
DROP INDEX $name IF EXISTS
