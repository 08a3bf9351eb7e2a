// Test helper: creates a borough in a transaction the test keeps open, so that an import creating the same id waits
// on the uniqueness constraint until the test rolls back: a window in which the import has not committed.
CREATE (:Borough {id: $id, name: $id})
