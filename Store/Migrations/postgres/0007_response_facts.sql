-- 7: as in SQLite.
ALTER TABLE candidates ADD COLUMN binding INTEGER;
ALTER TABLE candidates ADD COLUMN stance TEXT;
ALTER TABLE candidates ADD COLUMN lifecycle TEXT;
ALTER TABLE candidates ADD COLUMN targets TEXT;
ALTER TABLE candidates ADD COLUMN act_date TEXT;
ALTER TABLE candidates ADD COLUMN reviewed_facts TEXT;
