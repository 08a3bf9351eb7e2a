// Publishes the nodes an import staged: each gets its domain label in place of its Staged<Kind> label. Runs in the
// import's last transaction, so they all become visible at its commit. Returns how many were published.
CALL () { MATCH (n:StagedBorough) SET n:Borough REMOVE n:StagedBorough RETURN count(n) AS boroughs }
CALL () { MATCH (n:StagedAgency) SET n:Agency REMOVE n:StagedAgency RETURN count(n) AS agencies }
CALL () { MATCH (n:StagedNeed) SET n:Need REMOVE n:StagedNeed RETURN count(n) AS needs }
CALL () { MATCH (n:StagedFunder) SET n:Funder REMOVE n:StagedFunder RETURN count(n) AS funders }
CALL () { MATCH (n:StagedSetting) SET n:Setting REMOVE n:StagedSetting RETURN count(n) AS settings }
CALL () { MATCH (n:StagedService) SET n:Service REMOVE n:StagedService RETURN count(n) AS services }
CALL () { MATCH (n:StagedPractitioner) SET n:Practitioner REMOVE n:StagedPractitioner RETURN count(n) AS practitioners }
CALL () { MATCH (n:StagedCase) SET n:Case REMOVE n:StagedCase RETURN count(n) AS cases }
CALL () { MATCH (n:StagedReferral) SET n:Referral REMOVE n:StagedReferral RETURN count(n) AS referrals }
RETURN boroughs + agencies + needs + funders + settings + services + practitioners + cases + referrals AS published
