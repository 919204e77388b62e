-- The shared event calendar (issue 17): associations' events, moderated by the coordinator,
-- and the associations the coordinator trusts to publish directly.
-- The same tables and columns as the PostgreSQL migration. Dates are 'YYYY-MM-DD' text, times
-- of day minutes after local midnight (Europe/Stockholm).

-- One event of an association of the registry (its id; no foreign key into the registry's
-- tables). It happens once, on `starts_on` at `start_minute` until `ends_on` at `end_minute`,
-- or every week until `repeat_until` (a date), leaving out the dates in `skipped` (comma
-- separated). `first_start` and `last_end` (unix seconds) bound every occurrence, for the
-- calendar's range queries. `place` is free text; `room_id` a room of the premises, if chosen.
-- `search_text` is the lower-cased text a search reads (title, description, place, association).
CREATE TABLE openness_events (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    starts_on TEXT NOT NULL,
    start_minute INTEGER NOT NULL,
    ends_on TEXT NOT NULL,
    end_minute INTEGER NOT NULL,
    repeat_until TEXT,
    skipped TEXT NOT NULL DEFAULT '',
    first_start INTEGER NOT NULL,
    last_end INTEGER NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    room_id INTEGER,
    accessibility TEXT NOT NULL DEFAULT '',
    audience TEXT NOT NULL,
    category TEXT NOT NULL,
    price TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '',
    registration_link TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined')),
    decline_reason TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX openness_events_range ON openness_events(municipality_id, status, last_end, first_start);
CREATE INDEX openness_events_organisation ON openness_events(municipality_id, organisation_id);

-- The associations whose events the coordinator lets through without moderation.
CREATE TABLE openness_trusted_organisations (
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL,
    trusted_at INTEGER NOT NULL,
    PRIMARY KEY (municipality_id, organisation_id)
);
