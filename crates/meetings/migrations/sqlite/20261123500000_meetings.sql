-- Dialog meetings and council meetings: series, numbered meetings with time, place and
-- accessibility, registrations with capacity and waiting list (cancellation by an unguessable
-- token, stored as its hash), attendance, group-discussion questions and answers, minutes with
-- items and assignments, unsubscribes from invitation mail, and the retention setting.
-- Every table carries municipality_id (the tenant). Timestamps are unix seconds, dates ISO text.

CREATE TABLE meetings_series (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    UNIQUE (municipality_id, name)
);

CREATE TABLE meetings_meetings (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    series_id INTEGER NOT NULL REFERENCES meetings_series(id) ON DELETE CASCADE,
    number INTEGER,
    title TEXT NOT NULL,
    theme TEXT NOT NULL DEFAULT '',
    gathering_at INTEGER,
    gathering_text TEXT NOT NULL DEFAULT '',
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    premises_id INTEGER REFERENCES registry_premises(id) ON DELETE SET NULL,
    accessibility TEXT NOT NULL DEFAULT '',
    agenda TEXT NOT NULL DEFAULT '',
    contacts TEXT NOT NULL DEFAULT '',
    capacity INTEGER,
    registration_deadline INTEGER,
    consent_text TEXT NOT NULL DEFAULT '',
    invitation_text TEXT NOT NULL DEFAULT '',
    reminded_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX meetings_meetings_municipality ON meetings_meetings(municipality_id, starts_at);
CREATE INDEX meetings_meetings_series ON meetings_meetings(series_id, number);

CREATE TABLE meetings_registrations (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES meetings_meetings(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    party TEXT NOT NULL CHECK (party IN ('municipality', 'civil_society', 'politician', 'guest')),
    dietary TEXT NOT NULL DEFAULT '',
    accessibility TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
    consent_text TEXT NOT NULL,
    cancel_token_hash TEXT NOT NULL UNIQUE,
    attended INTEGER CHECK (attended IN (0, 1)),
    erased_at INTEGER,
    created_at INTEGER NOT NULL,
    cancelled_at INTEGER
);
CREATE INDEX meetings_registrations_meeting ON meetings_registrations(municipality_id, meeting_id, status, id);
CREATE UNIQUE INDEX meetings_registrations_once ON meetings_registrations(meeting_id, email)
    WHERE status <> 'cancelled' AND email <> '';

CREATE TABLE meetings_questions (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES meetings_meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meetings_questions_meeting ON meetings_questions(municipality_id, meeting_id, position);

CREATE TABLE meetings_answers (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES meetings_questions(id) ON DELETE CASCADE,
    group_name TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX meetings_answers_question ON meetings_answers(municipality_id, question_id, id);

CREATE TABLE meetings_minutes (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings_meetings(id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    present TEXT NOT NULL DEFAULT '',
    guests TEXT NOT NULL DEFAULT '',
    next_meeting TEXT NOT NULL DEFAULT '',
    written_by TEXT NOT NULL DEFAULT '',
    published_at INTEGER,
    updated_at INTEGER NOT NULL
);

CREATE TABLE meetings_items (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES meetings_meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    heading TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meetings_items_meeting ON meetings_items(municipality_id, meeting_id, position);

CREATE TABLE meetings_assignments (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES meetings_meetings(id) ON DELETE CASCADE,
    who TEXT NOT NULL,
    what TEXT NOT NULL,
    due_on TEXT,
    activity_id INTEGER REFERENCES actionplan_activities(id) ON DELETE SET NULL
);
CREATE INDEX meetings_assignments_meeting ON meetings_assignments(municipality_id, meeting_id, id);

CREATE TABLE meetings_unsubscribes (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    unsubscribed_at INTEGER,
    created_at INTEGER NOT NULL,
    UNIQUE (municipality_id, email)
);

CREATE TABLE meetings_settings (
    municipality_id INTEGER PRIMARY KEY REFERENCES municipalities(id) ON DELETE CASCADE,
    retention_days INTEGER NOT NULL DEFAULT 365
);
