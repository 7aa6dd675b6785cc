-- 2: when each version was last activated, so that rollback can return to the previous one.
ALTER TABLE model_versions ADD COLUMN activated TEXT;
