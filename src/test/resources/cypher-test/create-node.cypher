// An attacker's write (issue 13).
CREATE (:Planted {by: 'attacker'})
