-- 2: as in SQLite.
ALTER TABLE model_versions ADD COLUMN activated TEXT;
