-- 5: model files in the database (PostgreSQL: every worker fetches the active version from there), the features a
-- version was made for, and leases (one worker trains the first model while the others wait).
CREATE TABLE model_files (version TEXT NOT NULL, name TEXT NOT NULL, content BLOB NOT NULL, PRIMARY KEY (version, name));
ALTER TABLE model_versions ADD COLUMN feature_version TEXT;
CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires TEXT NOT NULL);
