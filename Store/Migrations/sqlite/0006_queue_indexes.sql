-- 6: the review queue pages on one index per sort order (issue 13). The newest-first key (the item's published
-- date, else when it was fetched) is kept on the candidate too, so that status, order and date filter are one
-- index range; each index ends in item_id, the tie-break of the order and of the keyset cursor. The two
-- status-less indexes serve "all"; candidates_status and candidates_queue are prefixes of the new ones.
ALTER TABLE candidates ADD COLUMN item_time TEXT NOT NULL DEFAULT '';
UPDATE candidates SET item_time = (SELECT COALESCE(i.published, i.fetched) FROM items i WHERE i.id = candidates.item_id);
DROP INDEX candidates_status;
DROP INDEX candidates_queue;
CREATE INDEX candidates_uncertainty ON candidates(status, confidence, item_id);
CREATE INDEX candidates_newest ON candidates(status, item_time, item_id);
CREATE INDEX candidates_all_uncertainty ON candidates(confidence, item_id);
CREATE INDEX candidates_all_newest ON candidates(item_time, item_id);
