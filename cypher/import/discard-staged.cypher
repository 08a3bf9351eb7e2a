// Deletes whatever an unfinished import staged, with its relationships, in batches (an auto-commit statement).
MATCH (n)
WHERE n:StagedBorough OR n:StagedAgency OR n:StagedNeed OR n:StagedFunder OR n:StagedSetting OR n:StagedService
   OR n:StagedPractitioner OR n:StagedCase OR n:StagedReferral
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
