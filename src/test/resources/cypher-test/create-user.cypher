// An account made behind Bridgemap's back (issue 13), on the system database: $user with $password.
CREATE USER $user SET PASSWORD $password CHANGE NOT REQUIRED
