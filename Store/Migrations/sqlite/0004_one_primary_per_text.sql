-- 4: one primary per exact text, enforced by the database, so that workers on several machines deduplicate through
-- it (a process-local lock could not). Primaries stored twice before this index are made duplicates of the first.
UPDATE items SET duplicate_of = (SELECT MIN(p.id) FROM items p WHERE p.content_hash = items.content_hash AND p.duplicate_of IS NULL)
WHERE duplicate_of IS NULL AND id > (SELECT MIN(p.id) FROM items p WHERE p.content_hash = items.content_hash AND p.duplicate_of IS NULL);
UPDATE candidates SET status = 'duplicate' WHERE status = 'pending' AND item_id IN (SELECT id FROM items WHERE duplicate_of IS NOT NULL);
CREATE UNIQUE INDEX items_primary_content ON items(content_hash) WHERE duplicate_of IS NULL;
