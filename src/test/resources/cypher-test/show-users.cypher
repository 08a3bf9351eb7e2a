// The store's users (run on the system database).
SHOW USERS YIELD user
RETURN user
