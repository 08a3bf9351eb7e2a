// The latest referral date in the store: the default as-of day of every analysis.
MATCH (r:Referral)
RETURN max(r.date) AS latest
