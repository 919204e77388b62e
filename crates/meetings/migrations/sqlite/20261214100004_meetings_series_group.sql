-- A series may belong to a working group of the action plan (its own meetings, its members
-- invited). The group is the action plan's; the meetings check it through actionplan::public.
ALTER TABLE meetings_series ADD COLUMN group_id INTEGER;
CREATE UNIQUE INDEX meetings_series_group ON meetings_series(municipality_id, group_id) WHERE group_id IS NOT NULL;
