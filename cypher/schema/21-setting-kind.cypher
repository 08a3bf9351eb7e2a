CREATE INDEX setting_kind IF NOT EXISTS FOR (n:Setting) ON (n.kind)
