-- Grant programmes (bidragsformer) and their application periods. A programme's kind decides
-- which rules it has; the rules, the eligibility requirements and the required attachments are
-- JSON read by the grants crate's domain types (configured per municipality without code).
CREATE TABLE grants_programmes (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('activity', 'premises', 'start', 'project', 'operating', 'multi-year')),
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    criteria TEXT NOT NULL DEFAULT '',
    rules TEXT NOT NULL,
    eligibility TEXT NOT NULL,
    attachments TEXT NOT NULL DEFAULT '[]',
    published INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX grants_programmes_name ON grants_programmes(municipality_id, name);

-- A period: the activities it covers (starts_on..ends_on), when applications open and their
-- deadline (dates in Swedish time, YYYY-MM-DD), and the budget in öre.
CREATE TABLE grants_periods (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    programme_id INTEGER NOT NULL REFERENCES grants_programmes(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    opens_on TEXT NOT NULL,
    deadline TEXT NOT NULL,
    budget_ore INTEGER NOT NULL CHECK (budget_ore >= 0),
    created_at INTEGER NOT NULL
);
CREATE INDEX grants_periods_programme ON grants_periods(municipality_id, programme_id, deadline);
CREATE UNIQUE INDEX grants_periods_name ON grants_periods(programme_id, name);
