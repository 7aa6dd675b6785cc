-- 6: as in SQLite.
ALTER TABLE candidates ADD COLUMN item_time TEXT NOT NULL DEFAULT '';
UPDATE candidates SET item_time = (SELECT COALESCE(i.published, i.fetched) FROM items i WHERE i.id = candidates.item_id);
DROP INDEX candidates_status;
DROP INDEX candidates_queue;
CREATE INDEX candidates_uncertainty ON candidates(status, confidence, item_id);
CREATE INDEX candidates_newest ON candidates(status, item_time, item_id);
CREATE INDEX candidates_all_uncertainty ON candidates(confidence, item_id);
CREATE INDEX candidates_all_newest ON candidates(item_time, item_id);
