-- Attendance for activity support (aktivitetsstöd): an association's groups, their meetings
-- (sammankomster) and who led and who took part in each. Imported from club systems' files or
-- typed in on the web attendance card. The birth year is kept, never a personnummer.

-- A group of an association (e.g. "P16"), by name; one of a name per association.
CREATE TABLE grants_attendance_groups (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX grants_attendance_groups_name ON grants_attendance_groups(organisation_id, name);
CREATE INDEX grants_attendance_groups_municipality ON grants_attendance_groups(municipality_id);

-- One meeting of a group: the day it starts (YYYY-MM-DD), its start (HH:MM), its length and
-- kind of activity. `digest` is a hash of everything the meeting holds (length, activity and
-- every person in order), so that importing the same meeting again changes nothing; `leaders`
-- and `participants` count its attendance rows of each role. `source` says where it came from:
-- a `file` or the web attendance `card`.
CREATE TABLE grants_attendance_meetings (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES grants_attendance_groups(id) ON DELETE CASCADE,
    held_on TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes >= 0 AND minutes <= 1440),
    activity TEXT NOT NULL DEFAULT '',
    digest INTEGER NOT NULL,
    leaders INTEGER NOT NULL DEFAULT 0,
    participants INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL CHECK (source IN ('file', 'card')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX grants_attendance_meetings_slot ON grants_attendance_meetings(group_id, held_on, starts_at);
CREATE INDEX grants_attendance_meetings_organisation ON grants_attendance_meetings(organisation_id, held_on);
CREATE INDEX grants_attendance_meetings_municipality ON grants_attendance_meetings(municipality_id, held_on);

-- One person at one meeting, in the card's order (`position`): leader or participant, the key
-- that tells the same person apart across meetings (a member number, or name and birth year),
-- the name, the birth year and the gender. Keyed by meeting and position (without a rowid,
-- so the rows of a meeting lie together). `municipality_id` has no foreign key of its
-- own: the row belongs to its meeting, whose deletion (or its municipality's) removes it, and
-- a million-row import checks one parent per row instead of two.
CREATE TABLE grants_attendance (
    meeting_id INTEGER NOT NULL REFERENCES grants_attendance_meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    municipality_id INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('leader', 'participant')),
    person_key TEXT NOT NULL,
    name TEXT NOT NULL,
    birth_year INTEGER NOT NULL,
    gender TEXT NOT NULL CHECK (gender IN ('girl', 'boy', 'other')),
    PRIMARY KEY (meeting_id, position)
) WITHOUT ROWID;
