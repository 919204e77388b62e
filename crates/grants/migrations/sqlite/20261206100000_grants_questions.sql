-- The questions of a programme's application form, configured by the coordinator: JSON, a list
-- of {id, label, kind, options, required, hint} read by the grants crate's domain types
-- (programmes::questions). `question_seq` is the number of the last question id given ("q7"),
-- so an id is never used twice in a programme, even after its question is removed.
ALTER TABLE grants_programmes ADD COLUMN questions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE grants_programmes ADD COLUMN question_seq INTEGER NOT NULL DEFAULT 0;
