// Marks an import as in progress; the unique key lets only one import stage at a time. $id names the import.
CREATE (:ImportInProgress {key: 'import', id: $id, started: datetime(), heartbeat: datetime()})
