-- Topics the associations propose for a coming meeting's agenda. The coordinator takes one up
-- at a meeting (it is then listed on that meeting's page) or declines it with an answer.
CREATE TABLE meetings_topics (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    proposed_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'declined')),
    meeting_id INTEGER REFERENCES meetings_meetings(id) ON DELETE SET NULL,
    answer TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    decided_at INTEGER
);
CREATE INDEX meetings_topics_municipality ON meetings_topics(municipality_id, status, id);
CREATE INDEX meetings_topics_meeting ON meetings_topics(meeting_id);
