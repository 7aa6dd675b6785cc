-- 5: as in SQLite (BYTEA for BLOB).
CREATE TABLE model_files (version TEXT NOT NULL, name TEXT NOT NULL, content BYTEA NOT NULL, PRIMARY KEY (version, name));
ALTER TABLE model_versions ADD COLUMN feature_version TEXT;
CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires TEXT NOT NULL);
