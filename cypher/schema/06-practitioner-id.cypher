CREATE CONSTRAINT practitioner_id IF NOT EXISTS FOR (n:Practitioner) REQUIRE n.id IS UNIQUE
