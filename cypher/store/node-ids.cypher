// Every Bridgemap node's id and label, so an import can resolve references to what is already stored.
MATCH (n)
WHERE n:Borough OR n:Agency OR n:Setting OR n:Need OR n:Service OR n:Practitioner OR n:Funder OR n:Case OR n:Referral
RETURN n.id AS id, labels(n)[0] AS label
