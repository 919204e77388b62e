-- Seasonal allocation (säsongsbokning): a season of weekly times that associations apply for;
-- staff allocate conflicting applications by a stated priority rule and publish, which books
-- the allocated times as weekly series of confirmed bookings and tells every applicant.
-- Every table carries municipality_id (the tenant). Timestamps are unix seconds, dates ISO text.

CREATE TABLE premises_seasons (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    first_date TEXT NOT NULL,
    last_date TEXT NOT NULL,
    -- The last day applications are taken.
    apply_until TEXT NOT NULL,
    -- The priority rule staff chose last (see seasons::domain::Rule).
    priority_rule TEXT NOT NULL DEFAULT 'children_youth_first',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'published')),
    created_at INTEGER NOT NULL,
    published_at INTEGER
);
CREATE INDEX premises_seasons_municipality ON premises_seasons(municipality_id, first_date);

CREATE TABLE premises_applications (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    season_id INTEGER NOT NULL REFERENCES premises_seasons(id) ON DELETE CASCADE,
    room_id INTEGER NOT NULL REFERENCES premises_rooms(id) ON DELETE CASCADE,
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    booker_name TEXT NOT NULL,
    email TEXT NOT NULL,
    -- ISO weekday, 1 = Monday; minutes after local midnight.
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_min INTEGER NOT NULL CHECK (start_min >= 0),
    end_min INTEGER NOT NULL CHECK (end_min <= 1440 AND end_min > start_min),
    target_group TEXT NOT NULL CHECK (target_group IN ('children_youth', 'adults', 'seniors', 'mixed')),
    attendees INTEGER NOT NULL CHECK (attendees > 0),
    note TEXT NOT NULL DEFAULT '',
    -- pending: not decided, or its times met a booking at publication (the reason names the dates);
    -- allocated / rejected: staff's decision, told to the applicant once decided_at is set.
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'allocated', 'rejected')),
    reason TEXT NOT NULL DEFAULT '',
    -- The weekly series booked for an allocated application at publication.
    series_id INTEGER REFERENCES premises_series(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    decided_at INTEGER
);
CREATE INDEX premises_applications_season ON premises_applications(municipality_id, season_id, room_id, weekday);
CREATE INDEX premises_applications_user ON premises_applications(user_id);
