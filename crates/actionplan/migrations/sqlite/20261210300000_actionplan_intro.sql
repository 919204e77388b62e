-- The plan's introduction (what the plan is for, how it is followed up), written on the web.
ALTER TABLE actionplan_plans ADD COLUMN intro TEXT NOT NULL DEFAULT '';
