CREATE CONSTRAINT import_in_progress IF NOT EXISTS FOR (n:ImportInProgress) REQUIRE n.key IS UNIQUE
