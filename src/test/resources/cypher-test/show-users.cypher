// The DBMS's accounts, as an attacker would look for them (issue 13), on the system database.
SHOW USERS YIELD user RETURN user ORDER BY user
