-- The area filter of the event calendar (issue 17): an event may name the area (district) it is
-- in, one of the areas the municipality's premises are in ('' for none).
ALTER TABLE openness_events ADD COLUMN area TEXT NOT NULL DEFAULT '';
