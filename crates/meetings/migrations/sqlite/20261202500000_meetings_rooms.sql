-- no-transaction
-- A meeting's place is free text or a room of the premises capability (room_id), no longer a
-- premises of the registry: a registry premises a meeting named is kept in its free-text place
-- (name and address) so nothing is lost, and the column goes. SQLite cannot drop a column a
-- foreign key uses, so the table is rebuilt with foreign keys off (otherwise dropping the old
-- table would cascade to the registrations, minutes and answers that point at it).
-- Group answers remember the account that wrote them down (for the account's export and erasure).

PRAGMA foreign_keys = OFF;
BEGIN;

UPDATE meetings_meetings SET place = (
    SELECT CASE
        WHEN meetings_meetings.place = '' THEN p.name || CASE WHEN p.address = '' THEN '' ELSE ', ' || p.address END
        WHEN instr(meetings_meetings.place, p.name) > 0 THEN meetings_meetings.place
        ELSE meetings_meetings.place || ' (' || p.name || CASE WHEN p.address = '' THEN '' ELSE ', ' || p.address END || ')'
    END
    FROM registry_premises p WHERE p.id = meetings_meetings.premises_id
)
WHERE premises_id IS NOT NULL AND EXISTS (SELECT 1 FROM registry_premises p WHERE p.id = meetings_meetings.premises_id);

CREATE TABLE meetings_meetings_new (
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
    accessibility TEXT NOT NULL DEFAULT '',
    agenda TEXT NOT NULL DEFAULT '',
    contacts TEXT NOT NULL DEFAULT '',
    capacity INTEGER,
    registration_deadline INTEGER,
    consent_text TEXT NOT NULL DEFAULT '',
    invitation_text TEXT NOT NULL DEFAULT '',
    reminded_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    -- A room of the premises capability (premises_rooms); no foreign key across capabilities:
    -- the place's text stays when a room goes.
    room_id INTEGER
);
INSERT INTO meetings_meetings_new (id, municipality_id, series_id, number, title, theme, gathering_at, gathering_text,
    starts_at, ends_at, place, accessibility, agenda, contacts, capacity, registration_deadline, consent_text,
    invitation_text, reminded_at, created_at, updated_at, room_id)
SELECT id, municipality_id, series_id, number, title, theme, gathering_at, gathering_text,
    starts_at, ends_at, place, accessibility, agenda, contacts, capacity, registration_deadline, consent_text,
    invitation_text, reminded_at, created_at, updated_at, NULL
FROM meetings_meetings;
DROP TABLE meetings_meetings;
ALTER TABLE meetings_meetings_new RENAME TO meetings_meetings;
CREATE INDEX meetings_meetings_municipality ON meetings_meetings(municipality_id, starts_at);
CREATE INDEX meetings_meetings_series ON meetings_meetings(series_id, number);

ALTER TABLE meetings_answers ADD COLUMN written_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL;

COMMIT;
PRAGMA foreign_keys = ON;
