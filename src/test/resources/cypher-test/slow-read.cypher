// An admin's long read for the query-endpoint attack tests: counts through four billion numbers, so it runs until it
// is terminated or its timeout. $secret shows only in its parameters.
UNWIND range(1, 4000000000) AS x
WITH x WHERE x < 0 AND $secret IS NOT NULL
RETURN count(x) AS c
