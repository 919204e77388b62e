-- The language a signed-in person chose for the interface ('sv' or 'en'); mail to them is
-- written in it. NULL: never chosen (Swedish).
ALTER TABLE users ADD COLUMN language TEXT CHECK (language IN ('sv', 'en'));
