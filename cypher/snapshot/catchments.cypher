// Every setting with a catchment: the boroughs it serves (by id) and the catchment's area.
MATCH (s:Setting)-[c:CATCHMENT_INCLUDES]->(b:Borough)
WITH s, b, c
ORDER BY b.id
RETURN s.id AS setting, collect(b.id) AS boroughs, head(collect(c.area)) AS area
ORDER BY setting
