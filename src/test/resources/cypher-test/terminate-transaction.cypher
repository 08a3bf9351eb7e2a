// Stops the transaction $id (ends the slow read of the attack tests).
TERMINATE TRANSACTIONS $id
