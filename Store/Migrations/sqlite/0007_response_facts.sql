-- 7: the facts of a response beside its type and actor (issue 15): whether it binds (1, 0; NULL unclear), its stance,
-- its lifecycle (called_for, announced, adopted, extended, lifted), the targets it names (a JSON array of names) and
-- the date of the act (yyyy-MM-dd), as predicted when the item was stored. A reviewer's corrections of any of them
-- are one JSON object in reviewed_facts (a key present overrides the predicted column, even with null); rows
-- stored before this migration have NULL facts, which readers may compute from the text where that is possible.
ALTER TABLE candidates ADD COLUMN binding INTEGER;
ALTER TABLE candidates ADD COLUMN stance TEXT;
ALTER TABLE candidates ADD COLUMN lifecycle TEXT;
ALTER TABLE candidates ADD COLUMN targets TEXT;
ALTER TABLE candidates ADD COLUMN act_date TEXT;
ALTER TABLE candidates ADD COLUMN reviewed_facts TEXT;
