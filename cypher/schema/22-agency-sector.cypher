CREATE INDEX agency_sector IF NOT EXISTS FOR (n:Agency) ON (n.sector)
