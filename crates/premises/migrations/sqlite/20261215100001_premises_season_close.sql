-- Issue 15, seasons' lifecycle: a season the coordinator closed early (applications stop being
-- taken at that moment), and each season's holiday dates, which no weekly booking allocated from
-- the season takes. Timestamps are unix seconds, dates ISO text.

ALTER TABLE premises_seasons ADD COLUMN closed_at INTEGER;

CREATE TABLE premises_season_holidays (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    season_id INTEGER NOT NULL REFERENCES premises_seasons(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    -- What the day is ("Långfredag"); may be empty.
    name TEXT NOT NULL DEFAULT '',
    UNIQUE (season_id, date)
);
CREATE INDEX premises_season_holidays_municipality ON premises_season_holidays(municipality_id, season_id);
