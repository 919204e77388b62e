-- Which of the agreement's principles an area of the action plan works on (issue 15): the
-- principle's number in the agreement in force (the municipality's own order), asked of the
-- agreement's public functions for its name. No foreign key into the agreement's tables.
-- The same table as the SQLite migration.
CREATE TABLE actionplan_area_principles (
    area_id BIGINT NOT NULL REFERENCES actionplan_areas(id) ON DELETE CASCADE,
    municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    position BIGINT NOT NULL CHECK (position BETWEEN 1 AND 99),
    PRIMARY KEY (area_id, position)
);
CREATE INDEX actionplan_area_principles_municipality ON actionplan_area_principles(municipality_id, position);
