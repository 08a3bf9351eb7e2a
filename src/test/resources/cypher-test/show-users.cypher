// An attacker's look at the DBMS's accounts (issue 13), on the system database.
SHOW USERS YIELD user RETURN user ORDER BY user
