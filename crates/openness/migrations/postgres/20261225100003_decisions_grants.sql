-- Grants decisions published into the decisions feed (issue 17): the application of the grants
-- capability a decision record was published from (no foreign key into grants' tables; NULL for
-- a decision recorded by hand). Each grants decision is published at most once.
ALTER TABLE openness_decisions ADD COLUMN grants_application_id BIGINT;
CREATE UNIQUE INDEX openness_decisions_grant ON openness_decisions(municipality_id, grants_application_id);
