// How many nodes of any label the database holds (a count-store lookup): the bulk loader only loads an empty one,
// since it replaces the whole database (saved scenarios included).
MATCH (n)
RETURN count(n) AS nodes
