// Every Bridgemap node's id, label and element id, so an import can resolve references to what is already stored
// (and write relationships to it by element id).
MATCH (n)
WHERE n:Borough OR n:Agency OR n:Setting OR n:Need OR n:Service OR n:Practitioner OR n:Funder OR n:Case OR n:Referral
RETURN n.id AS id, labels(n)[0] AS label, elementId(n) AS node
