// The names of the constraints the database holds.
SHOW CONSTRAINTS YIELD name
RETURN name ORDER BY name
