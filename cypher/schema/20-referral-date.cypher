CREATE INDEX referral_date IF NOT EXISTS FOR (n:Referral) ON (n.date)
