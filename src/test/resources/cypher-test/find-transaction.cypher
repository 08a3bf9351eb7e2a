// The running transactions whose parameter "secret" is $find (the slow read of the attack tests), with their status.
// The parameter has another name, so this query does not find itself.
SHOW TRANSACTIONS YIELD transactionId, parameters, status
WHERE parameters.secret = $find
RETURN transactionId, status
