-- Minutes that can be corrected: items, group answers and assignments keep an order and the
-- time they were changed after publication; the minutes the time of their latest correction.
-- General comments ("Övriga synpunkter") that answer no question; discussion groups with their
-- party and the registered participants placed in them; documents of a meeting, of its minutes
-- or of a working group of the action plan (stored in the database, as grants' attachments are).
ALTER TABLE meetings_items ADD COLUMN changed_at INTEGER;
ALTER TABLE meetings_answers ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings_answers ADD COLUMN changed_at INTEGER;
ALTER TABLE meetings_assignments ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings_assignments ADD COLUMN changed_at INTEGER;
ALTER TABLE meetings_minutes ADD COLUMN corrected_at INTEGER;
UPDATE meetings_answers SET position = id;
UPDATE meetings_assignments SET position = id;

CREATE TABLE meetings_comments (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES meetings_meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    topic TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    changed_at INTEGER
);
CREATE INDEX meetings_comments_meeting ON meetings_comments(municipality_id, meeting_id, position);

CREATE TABLE meetings_groups (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES meetings_meetings(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    party TEXT NOT NULL DEFAULT '' CHECK (party IN ('', 'municipality', 'civil_society', 'politician', 'guest')),
    UNIQUE (meeting_id, name)
);

CREATE TABLE meetings_group_members (
    registration_id INTEGER PRIMARY KEY REFERENCES meetings_registrations(id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES meetings_groups(id) ON DELETE CASCADE
);
CREATE INDEX meetings_group_members_group ON meetings_group_members(group_id);

CREATE TABLE meetings_documents (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    meeting_id INTEGER REFERENCES meetings_meetings(id) ON DELETE CASCADE,
    group_id INTEGER REFERENCES actionplan_groups(id) ON DELETE CASCADE,
    part TEXT NOT NULL CHECK (part IN ('meeting', 'minutes', 'group')),
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    uploaded_at INTEGER NOT NULL,
    CHECK ((part = 'group') = (group_id IS NOT NULL) AND (part = 'group') = (meeting_id IS NULL))
);
CREATE INDEX meetings_documents_meeting ON meetings_documents(municipality_id, meeting_id, part);
CREATE INDEX meetings_documents_group ON meetings_documents(municipality_id, group_id);
